// The signed-in learner's exams, newest first, each linking to its result (or back into it while running).
import { useState } from "react";
import { Link } from "react-router";
import { catalog } from "../api/catalog";
import type { HistoryItem } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { Pager } from "../ui/Pager";

function Outcome({ item }: { item: HistoryItem }) {
  const { t } = useI18n();
  if (item.status === "in_progress") return <span className="badge">{t("history.inProgress")}</span>;
  if (item.passed === null) return <span className="badge">{t(`history.status.${item.status}`)}</span>;
  return item.passed ? (
    <span className="badge good">✔ {t("result.passed")}</span>
  ) : (
    <span className="badge bad">✘ {t("result.failed")}</span>
  );
}

export function HistoryPage() {
  const { t, formatDate } = useI18n();
  const [page, setPage] = useState(1);
  const history = useResource(() => catalog.history(page), [page]);
  return (
    <Page title={t("history.title")}>
      <Loaded resource={history}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="panel">{t("history.empty")}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t("history.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("history.date")}</th>
                      <th scope="col">{t("history.class")}</th>
                      <th scope="col">{t("history.score")}</th>
                      <th scope="col">{t("history.outcome")}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t("history.open")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((item) => (
                      <tr key={item.id}>
                        <td>{formatDate(item.started_at)}</td>
                        <td>
                          {item.jurisdiction.toUpperCase()} {item.licence_class}
                        </td>
                        <td>{item.score === null ? "–" : `${item.score} / ${item.max_score}`}</td>
                        <td>
                          <Outcome item={item} />
                        </td>
                        <td>
                          <Link to={item.status === "in_progress" ? `/exam/${item.id}` : `/exam/${item.id}/result`}>
                            {item.status === "in_progress" ? t("history.resume") : t("history.viewResult")}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={list.page} size={list.size} total={list.total} onPage={setPage} />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
