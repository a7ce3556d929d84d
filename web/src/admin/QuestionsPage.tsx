// The question bank table: search (words or an external id), filters by jurisdiction, topic and status,
// pages; each row opens the editor.
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { catalog } from "../api/catalog";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";
import { Pager } from "../ui/Pager";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { admin } from "./adminApi";
import { useAdminT } from "./messages";

export function QuestionsPage() {
  const a = useAdminT();
  const { pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = {
    jurisdiction: params.get("jurisdiction") ?? "",
    topic: params.get("topic") ?? "",
    status: params.get("status") ?? "",
    q: params.get("q") ?? "",
    page: Number(params.get("page") ?? 1),
  };
  const [text, setText] = useState(filter.q);
  const jurisdictions = useResource(() => catalog.jurisdictions(), []);
  const topics = useResource(
    () => (filter.jurisdiction ? catalog.topics(filter.jurisdiction) : Promise.resolve({ items: [] })),
    [filter.jurisdiction],
  );
  const questions = useResource(() => admin.questions({ ...filter, size: 25 }), [params.toString()]);

  const update = (change: Record<string, string>) => {
    const next = { ...filter, page: "1", ...change } as Record<string, string | number>;
    setParams(
      Object.fromEntries(
        Object.entries(next)
          .filter(([, v]) => v !== "" && v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ),
    );
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };

  return (
    <Page
      title={a("questions.title")}
      actions={
        <Link to="/admin/questions/new" className="button primary">
          {a("questions.new")}
        </Link>
      }
    >
      <form className="filters" role="search" onSubmit={onSearch}>
        <label>
          {a("questions.search")}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
        </label>
        <button type="submit">{a("questions.searchButton")}</button>
        <label>
          {a("field.jurisdiction")}
          <select value={filter.jurisdiction} onChange={(e) => update({ jurisdiction: e.target.value, topic: "" })}>
            <option value="">{a("filter.all")}</option>
            {jurisdictions.data?.items.map((j) => (
              <option key={j.code} value={j.code}>
                {pick(j.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {a("field.topic")}
          <select
            value={filter.topic}
            onChange={(e) => update({ topic: e.target.value })}
            disabled={!filter.jurisdiction}
          >
            <option value="">{a("filter.all")}</option>
            {topics.data?.items.map((tp) => (
              <option key={tp.code} value={tp.code}>
                {tp.code} · {pick(tp.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {a("field.status")}
          <select value={filter.status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{a("filter.all")}</option>
            <option value="draft">{a("status.draft")}</option>
            <option value="published">{a("status.published")}</option>
            <option value="retired">{a("status.retired")}</option>
          </select>
        </label>
      </form>
      <Loaded resource={questions}>
        {(list) => (
          <>
            <p role="status" className="muted">
              {a("questions.count", { n: list.total })}
            </p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{a("field.externalId")}</th>
                    <th scope="col">{a("field.text")}</th>
                    <th scope="col">{a("field.topic")}</th>
                    <th scope="col">{a("field.status")}</th>
                    <th scope="col">{a("field.revision")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((q) => (
                    <tr key={q.id}>
                      <td>
                        <Link to={`/admin/questions/${q.id}`}>{q.external_id}</Link>
                      </td>
                      <td>
                        {pick(q.text)}
                        {q.critical && <span className="badge critical">{a("field.critical")}</span>}
                        {q.media.length > 0 && <span className="badge">🖼 {q.media.length}</span>}
                      </td>
                      <td>{q.topic}</td>
                      <td>{a(`status.${q.status}`)}</td>
                      <td>
                        <Link to={`/admin/questions/${q.id}/revisions`}>{q.revision}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={list.page}
              size={list.size}
              total={list.total}
              onPage={(page) => update({ page: String(page) })}
            />
          </>
        )}
      </Loaded>
    </Page>
  );
}
