// Search the question bank (full text; Vietnamese matches with or without diacritics) and practise a hit.
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { catalog } from "../api/catalog";
import { useChoice } from "../app/choice";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { PracticeCard } from "./PracticeCard";
import { useBookmarks } from "./useBookmarks";

export function SearchPage() {
  const { t, lang } = useI18n();
  const { jurisdiction } = useChoice();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const [text, setText] = useState(query);
  const [open, setOpen] = useState<number | null>(null);
  const bookmarks = useBookmarks();
  const results = useResource(
    () => (query ? catalog.search(query, jurisdiction) : Promise.resolve(null)),
    [query, jurisdiction, lang],
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setOpen(null);
    setParams(text.trim() ? { q: text.trim() } : {});
  }

  return (
    <Page title={t("search.title")}>
      <form role="search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor="search-q">{t("search.label")}</label>
        <div className="form-row">
          <input id="search-q" type="search" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="primary">
            {t("search.button")}
          </button>
        </div>
        <p className="muted">{t("search.hint")}</p>
      </form>
      <Loaded resource={results}>
        {(found) =>
          found === null ? null : found.items.length === 0 ? (
            <p className="panel" role="status">
              {t("search.none", { query })}
            </p>
          ) : (
            <section aria-labelledby="results-title">
              <h2 id="results-title" role="status">
                {t("search.count", { n: found.items.length })}
              </h2>
              <ol className="result-list">
                {found.items.map((q) => (
                  <li key={q.id}>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open === q.id}
                      onClick={() => setOpen(open === q.id ? null : q.id)}
                    >
                      {q.text}
                    </button>
                    {open === q.id && (
                      <PracticeCard
                        question={q}
                        heading={t("search.practiseIt")}
                        bookmarked={bookmarks.ids.has(q.id)}
                        onBookmark={(on) => bookmarks.toggle(q.id, on)}
                      />
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )
        }
      </Loaded>
    </Page>
  );
}
