// The Account service's routes (services/account/api/*.cpp): registration, the own profile, password change,
// and user management for admins.
import { api } from "./http";
import type { AdminUser, Page, Profile } from "./types";

const base = "/api/account";

export interface Registration {
  username: string;
  email: string;
  password: string;
  display_name?: string;
  language: "vi" | "en";
}

export type ProfileChange = Partial<Pick<Profile, "display_name" | "language" | "target_class" | "email_opt_ins">>;

export const account = {
  register: (registration: Registration) => api.post<Profile>(`${base}/register`, registration, { auth: "none" }),
  me: () => api.get<Profile>(`${base}/me`, { auth: "required" }),
  updateMe: (change: ProfileChange) => api.put<Profile>(`${base}/me`, change, { auth: "required" }),
  changePassword: (current: string, next: string) =>
    api.put<void>(`${base}/me/password`, { current_password: current, new_password: next }, { auth: "required" }),

  users: (search: string, page: number, size = 20) =>
    api.get<Page<AdminUser>>(`${base}/admin/users`, { auth: "required", query: { search, page, size } }),
  user: (id: string) => api.get<AdminUser>(`${base}/admin/users/${id}`, { auth: "required" }),
  setEnabled: (id: string, enabled: boolean) =>
    api.put<AdminUser>(`${base}/admin/users/${id}/enabled`, { enabled }, { auth: "required" }),
  setAdmin: (id: string, admin: boolean) =>
    admin
      ? api.put<AdminUser>(`${base}/admin/users/${id}/roles/admin`, undefined, { auth: "required" })
      : api.del<AdminUser>(`${base}/admin/users/${id}/roles/admin`, { auth: "required" }),
  passwordReset: (id: string) =>
    api.post<{ sent_to: string }>(`${base}/admin/users/${id}/password-reset`, undefined, { auth: "required" }),
};
