// Recent notifications (e-mails) of the Notification service, newest first, by status; a dead one can be sent
// again.
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";
import { Pager } from "../ui/Pager";
import { InlineError, Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { admin } from "./adminApi";
import { useAdminT } from "./messages";

const statuses = ["", "queued", "failed", "sent", "dead", "skipped"];

export function NotificationsPage() {
  const a = useAdminT();
  const { formatDate } = useI18n();
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>();
  const list = useResource(() => admin.notifications(page, status || undefined), [page, status]);

  async function redrive(eventId: string) {
    setError(undefined);
    try {
      await admin.redrive(eventId);
      list.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Page title={a("notifications.title")}>
      <div className="filters">
        <label>
          {a("field.status")}
          <select
            value={status}
            onChange={(e) => {
              setPage(1);
              setStatus(e.target.value);
            }}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s || a("filter.all")}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={list.reload}>
          {a("notifications.refresh")}
        </button>
      </div>
      <InlineError error={error} />
      <Loaded resource={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="panel">{a("notifications.none")}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{a("notifications.when")}</th>
                      <th scope="col">{a("notifications.kind")}</th>
                      <th scope="col">{a("users.email")}</th>
                      <th scope="col">{a("field.status")}</th>
                      <th scope="col">{a("notifications.attempts")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((n) => (
                      <tr key={n.event_id}>
                        <td>{formatDate(n.created_at)}</td>
                        <td>
                          {n.kind}
                          <div className="muted">{n.event_type}</div>
                        </td>
                        <td>
                          {n.email} ({n.language})
                        </td>
                        <td>
                          <span
                            className={
                              n.status === "sent"
                                ? "badge good"
                                : n.status === "dead" || n.status === "failed"
                                  ? "badge bad"
                                  : "badge"
                            }
                          >
                            {n.status}
                          </span>
                          {n.last_error && <div className="muted">{n.last_error}</div>}
                          {n.status === "dead" && (
                            <button type="button" onClick={() => void redrive(n.event_id)}>
                              {a("notifications.redrive")}
                            </button>
                          )}
                        </td>
                        <td>{n.attempts}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={data.page} size={data.size} total={data.total} onPage={setPage} />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
