// User management: search, enable / disable, grant or revoke the admin role, send a password-reset e-mail.
import { useState, type FormEvent } from "react";
import { account } from "../api/account";
import type { AdminUser } from "../api/types";
import { useAuth } from "../auth/AuthProvider";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";
import { Pager } from "../ui/Pager";
import { InlineError, Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { useAdminT } from "./messages";

function UserActions({ user, onChanged }: { user: AdminUser; onChanged(user: AdminUser): void }) {
  const a = useAdminT();
  const { user: me } = useAuth();
  const [detail, setDetail] = useState<AdminUser | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<string>();
  const self = me?.id === user.user_id;
  const roles = detail?.roles;

  async function run(action: () => Promise<AdminUser | void>, done?: string) {
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    try {
      const updated = await action();
      if (updated) {
        setDetail(updated);
        onChanged(updated);
      }
      if (done) setNote(done);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <div className="actions">
        <button
          type="button"
          disabled={busy || (self && user.enabled)}
          onClick={() => run(() => account.setEnabled(user.user_id, !user.enabled))}
        >
          {user.enabled ? a("users.disable") : a("users.enable")}
        </button>
        {roles === undefined ? (
          <button type="button" disabled={busy} onClick={() => run(() => account.user(user.user_id))}>
            {a("users.showRoles")}
          </button>
        ) : (
          <button
            type="button"
            disabled={busy || (self && roles.includes("admin"))}
            onClick={() => run(() => account.setAdmin(user.user_id, !roles.includes("admin")))}
          >
            {roles.includes("admin") ? a("users.revokeAdmin") : a("users.grantAdmin")}
          </button>
        )}
        <button
          type="button"
          disabled={busy || !user.email}
          onClick={() =>
            run(
              async () => void (await account.passwordReset(user.user_id)),
              a("users.resetSent", { email: user.email }),
            )
          }
        >
          {a("users.reset")}
        </button>
      </div>
      {roles && (
        <p className="muted">
          {a("users.roles", { roles: roles.filter((r) => r === "admin" || r === "learner").join(", ") })}
        </p>
      )}
      {note && <p role="status">{note}</p>}
      <InlineError error={error} />
    </div>
  );
}

export function UsersPage() {
  const a = useAdminT();
  const { formatDate } = useI18n();
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const users = useResource(() => account.users(query, page), [query, page]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setQuery(search.trim());
  };
  const replace = (updated: AdminUser) =>
    users.setData((old) => ({
      ...old!,
      items: old!.items.map((u) => (u.user_id === updated.user_id ? { ...u, ...updated } : u)),
    }));

  return (
    <Page title={a("users.title")}>
      <form className="filters" role="search" onSubmit={onSearch}>
        <label>
          {a("users.search")}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} />
        </label>
        <button type="submit">{a("questions.searchButton")}</button>
      </form>
      <Loaded resource={users}>
        {(list) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{a("users.username")}</th>
                    <th scope="col">{a("users.email")}</th>
                    <th scope="col">{a("users.created")}</th>
                    <th scope="col">{a("users.state")}</th>
                    <th scope="col">{a("users.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((u) => (
                    <tr key={u.user_id}>
                      <td>
                        {u.username}
                        {u.profile?.display_name && <div className="muted">{u.profile.display_name}</div>}
                      </td>
                      <td>
                        {u.email} {u.email_verified && <span className="badge good">{a("users.verified")}</span>}
                      </td>
                      <td>{formatDate(u.created_at, false)}</td>
                      <td>
                        {u.enabled ? (
                          <span className="badge good">{a("users.enabled")}</span>
                        ) : (
                          <span className="badge bad">{a("users.disabled")}</span>
                        )}
                      </td>
                      <td>
                        <UserActions user={u} onChanged={replace} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={list.page} size={list.size} total={list.total} onPage={setPage} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
