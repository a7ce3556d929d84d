// The admin routes of the Catalog (questions, blueprints, import / export, bank report), the File service
// (image uploads) and the Notification service (recent notifications). User management is in api/account.ts.
import { api, request } from "../api/http";
import type { BankQuestion, Blueprint, ImportRejection, Page, Revision } from "../api/types";

const catalogAdmin = "/api/catalog/admin";
const required = { auth: "required" as const };

export interface QuestionFilter {
  jurisdiction?: string;
  topic?: string;
  status?: string;
  q?: string;
  page: number;
  size?: number;
}

export interface ImportSummary {
  changed: boolean;
  bank_version: number;
  rows: number;
  [section: string]: unknown;
}

export interface ImportReport {
  detail?: string;
  rows?: number;
  rejection_count?: number;
  truncated?: boolean;
  rejections?: ImportRejection[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface PoolReport {
  field: string;
  topics: string[];
  needed: number;
  available: number;
  satisfiable: boolean;
  severity: string;
}

export interface BankReport {
  ok: boolean;
  jurisdictions: {
    jurisdiction: string;
    ok: boolean;
    invalid_questions: { id: number; external_id: string; status: string; problems: FieldProblem[] }[];
    blueprints: {
      code: string;
      version: number;
      licence_class: string;
      drawable: boolean;
      problems: FieldProblem[];
      quotas: PoolReport[];
      critical: PoolReport;
      groups: { group: string; questions: number[]; message: string }[];
    }[];
    version_problems: { message: string; code?: string; version?: number }[];
  }[];
}

export interface Notification {
  event_id: string;
  event_type: string;
  kind: string;
  user_id: string;
  email: string;
  language: string;
  status: "queued" | "failed" | "sent" | "dead" | "skipped";
  attempts: number;
  redrives: number;
  last_error: string;
  event_time: string;
  created_at: string;
  sent_at: string | null;
}

/** The File service's answer to an upload (services/file/api/file_json.hpp). */
export interface UploadedFile {
  sha256: string;
  /** The storage key a question's media names. */
  key: string;
  /** Where anyone reads a public file: the object store's URL. */
  url: string;
  kind: string;
}

export const admin = {
  questions: (filter: QuestionFilter) =>
    api.get<Page<BankQuestion>>(`${catalogAdmin}/questions`, { ...required, query: { ...filter } }),
  question: (id: number) => api.get<BankQuestion>(`${catalogAdmin}/questions/${id}`, required),
  createQuestion: (question: BankQuestion) => api.post<BankQuestion>(`${catalogAdmin}/questions`, question, required),
  updateQuestion: (id: number, question: BankQuestion) =>
    api.put<BankQuestion>(`${catalogAdmin}/questions/${id}`, question, required),
  deleteQuestion: (id: number) => api.del<void>(`${catalogAdmin}/questions/${id}`, required),
  revisions: (id: number) =>
    api.get<{ id: number; items: Revision[] }>(`${catalogAdmin}/questions/${id}/revisions`, required),

  blueprints: (jurisdiction?: string) =>
    api.get<{ items: Blueprint[] }>(`${catalogAdmin}/blueprints`, { ...required, query: { jurisdiction } }),
  createBlueprint: (blueprint: Blueprint) => api.post<Blueprint>(`${catalogAdmin}/blueprints`, blueprint, required),
  updateBlueprint: (blueprint: Blueprint) =>
    api.put<Blueprint>(
      `${catalogAdmin}/blueprints/${encodeURIComponent(blueprint.code)}/${blueprint.version}`,
      blueprint,
      required,
    ),

  import: (body: string, contentType: string) =>
    request<ImportSummary>("POST", `${catalogAdmin}/import`, { ...required, rawBody: body, contentType }),
  export: (format: "json" | "csv", jurisdiction?: string) =>
    request<Response>("GET", `${catalogAdmin}/export`, { ...required, raw: true, query: { format, jurisdiction } }),
  bankReport: (jurisdiction?: string) =>
    api.get<BankReport>(`${catalogAdmin}/bank-report`, { ...required, query: { jurisdiction } }),

  upload: (file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request<UploadedFile>("POST", "/api/files", { ...required, rawBody: form, query: { visibility: "public" } });
  },

  notifications: (page: number, status?: string) =>
    api.get<Page<Notification>>("/api/notification/admin/notifications", {
      ...required,
      query: { page, size: 50, status },
    }),
  redrive: (eventId: string) =>
    api.post<unknown>(
      `/api/notification/admin/dead-letters/${encodeURIComponent(eventId)}/redrive`,
      undefined,
      required,
    ),
};
