// Bookmarked questions: practise them, or remove the bookmark.
import { useState } from "react";
import { catalog } from "../api/catalog";
import { useI18n } from "../i18n/i18n";
import { PracticeCard } from "../practice/PracticeCard";
import { Page } from "../ui/Page";
import { InlineError, Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";

export function BookmarksPage() {
  const { t, lang, formatDate } = useI18n();
  const bookmarks = useResource(() => catalog.bookmarks(), [lang]);
  const [error, setError] = useState<unknown>();

  async function remove(id: number) {
    setError(undefined);
    try {
      await catalog.removeBookmark(id);
      bookmarks.setData((old) => ({ ...old!, items: old!.items.filter((b) => b.question_id !== id) }));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Page title={t("bookmarks.title")}>
      <InlineError error={error} />
      <Loaded resource={bookmarks}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="panel">{t("bookmarks.empty")}</p>
          ) : (
            <ol className="plain-list">
              {list.items.map((b) => (
                <li key={b.question_id}>
                  {b.question ? (
                    <PracticeCard
                      question={b.question}
                      heading={t("bookmarks.saved", { date: formatDate(b.created_at, false) })}
                      bookmarked
                      onBookmark={() => void remove(b.question_id)}
                    />
                  ) : (
                    <p className="panel">
                      {t("bookmarks.gone")}{" "}
                      <button type="button" onClick={() => void remove(b.question_id)}>
                        {t("bookmarks.remove")}
                      </button>
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </Page>
  );
}
