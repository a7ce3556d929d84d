// The bank validation report: per jurisdiction, invalid questions, and for each blueprint whether its quotas
// and critical pool can be drawn from the published questions.
import { Link } from "react-router";
import { Page } from "../ui/Page";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { admin, type PoolReport } from "./adminApi";
import { useAdminT } from "./messages";

function PoolRow({ pool }: { pool: PoolReport }) {
  const a = useAdminT();
  return (
    <tr className={pool.satisfiable ? undefined : "problem-row"}>
      <td>
        <code>{pool.field}</code>
      </td>
      <td>{pool.topics.join(", ") || "–"}</td>
      <td>{pool.needed}</td>
      <td>{pool.available}</td>
      <td>
        {pool.satisfiable ? (
          <span className="ok-text">✔ {a("report.ok")}</span>
        ) : (
          <strong className="field-error">✘ {pool.severity}</strong>
        )}
      </td>
    </tr>
  );
}

export function BankReportPage() {
  const a = useAdminT();
  const report = useResource(() => admin.bankReport(), []);
  return (
    <Page title={a("report.title")}>
      <Loaded resource={report}>
        {(r) => (
          <>
            <p className={r.ok ? "ok-text" : "field-error"} role="status">
              {r.ok ? a("report.allOk") : a("report.problems")}
            </p>
            {r.jurisdictions.map((j) => (
              <section key={j.jurisdiction} className="panel" aria-labelledby={`report-${j.jurisdiction}`}>
                <h2 id={`report-${j.jurisdiction}`}>
                  {j.jurisdiction.toUpperCase()}{" "}
                  {j.ok ? (
                    <span className="badge good">{a("report.ok")}</span>
                  ) : (
                    <span className="badge bad">{a("report.notOk")}</span>
                  )}
                </h2>
                {j.invalid_questions.length > 0 && (
                  <>
                    <h3>{a("report.invalidQuestions", { n: j.invalid_questions.length })}</h3>
                    <ul className="problems">
                      {j.invalid_questions.map((q) => (
                        <li key={q.id}>
                          <Link to={`/admin/questions/${q.id}`}>{q.external_id}</Link> ({q.status}):{" "}
                          {q.problems.map((p) => `${p.field}: ${p.message}`).join("; ")}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {j.version_problems.length > 0 && (
                  <ul className="problems">
                    {j.version_problems.map((p, i) => (
                      <li key={i}>
                        {p.code ? `${p.code} v${p.version}: ` : ""}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                )}
                {j.blueprints.map((b) => (
                  <details key={`${b.code}-${b.version}`} open={!b.drawable}>
                    <summary>
                      {b.code} v{b.version} ({b.licence_class}) –{" "}
                      {b.drawable ? a("report.drawable") : a("report.notDrawable")}
                    </summary>
                    {b.problems.length > 0 && (
                      <ul className="problems">
                        {b.problems.map((p, i) => (
                          <li key={i}>
                            <code>{p.field}</code>: {p.message}
                          </li>
                        ))}
                      </ul>
                    )}
                    <div className="table-wrap">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{a("report.quota")}</th>
                            <th scope="col">{a("field.topic")}</th>
                            <th scope="col">{a("report.needed")}</th>
                            <th scope="col">{a("report.available")}</th>
                            <th scope="col">{a("report.state")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {b.quotas.map((q) => (
                            <PoolRow key={q.field} pool={q} />
                          ))}
                          <PoolRow pool={b.critical} />
                        </tbody>
                      </table>
                    </div>
                    {b.groups.map((g) => (
                      <p key={g.group} className="field-error">
                        {g.group}: {g.message}
                      </p>
                    ))}
                  </details>
                ))}
              </section>
            ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}
