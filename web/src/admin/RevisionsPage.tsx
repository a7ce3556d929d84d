// A question's revisions, oldest first: who changed it when, and what each revision said.
import { Link, useParams } from "react-router";
import type { Revision } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { admin } from "./adminApi";
import { useAdminT } from "./messages";

/** The top-level fields whose value differs between two revisions. */
export function changedFields(before: Revision["question"] | undefined, after: Revision["question"]): string[] {
  if (!before) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete("revision");
  return [...keys].filter(
    (key) =>
      JSON.stringify((before as unknown as Record<string, unknown>)[key]) !==
      JSON.stringify((after as unknown as Record<string, unknown>)[key]),
  );
}

export function RevisionsPage() {
  const a = useAdminT();
  const { pick, formatDate } = useI18n();
  const { id = "" } = useParams();
  const revisions = useResource(() => admin.revisions(Number(id)), [id]);
  return (
    <Page
      title={a("revisions.title", { id })}
      actions={
        <Link to={`/admin/questions/${id}`} className="button">
          {a("revisions.edit")}
        </Link>
      }
    >
      <Loaded resource={revisions}>
        {(list) => (
          <ol className="plain-list">
            {list.items.map((r, i) => {
              const changed = changedFields(list.items[i - 1]?.question, r.question);
              return (
                <li key={r.revision} className="panel">
                  <h2>
                    {a("revisions.revision", { revision: r.revision })}
                    <span className="badge">{a(`status.${r.question.status}`)}</span>
                  </h2>
                  <p className="muted">
                    {a("revisions.by", { who: r.created_by || "–", when: formatDate(r.created_at) })}
                  </p>
                  {changed.length > 0 && <p>{a("revisions.changed", { fields: changed.join(", ") })}</p>}
                  <p className="question-text">{pick(r.question.text)}</p>
                  <details>
                    <summary>{a("revisions.document")}</summary>
                    <pre className="code">{JSON.stringify(r.question, null, 2)}</pre>
                  </details>
                </li>
              );
            })}
          </ol>
        )}
      </Loaded>
    </Page>
  );
}
