// Goes through a list of practice questions one at a time, counting right answers; asks for more when the
// list is paged.
import { useState } from "react";
import type { PracticeQuestion } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { ProgressBar } from "../ui/ProgressBar";
import { InlineError } from "../ui/Status";
import { PracticeCard } from "./PracticeCard";
import { useBookmarks } from "./useBookmarks";

interface RunnerProps {
  items: PracticeQuestion[];
  total: number;
  /** Loads the next page; the runner waits for it before moving on. */
  loadMore?(): Promise<void>;
}

export function PracticeRunner({ items, total, loadMore }: RunnerProps) {
  const { t } = useI18n();
  const [index, setIndex] = useState(0);
  const [checked, setChecked] = useState(0);
  const [right, setRight] = useState(0);
  const [loadError, setLoadError] = useState<unknown>();
  const bookmarks = useBookmarks();

  if (!items.length) return <p className="panel">{t("practice.empty")}</p>;
  const question = items[Math.min(index, items.length - 1)];

  async function next() {
    if (index + 1 < items.length) return setIndex(index + 1);
    if (index + 1 < total && loadMore) {
      try {
        setLoadError(undefined);
        await loadMore();
        setIndex(index + 1);
      } catch (error) {
        setLoadError(error);
      }
    }
  }

  return (
    <div className="practice">
      <div className="practice-bar">
        <span>{t("practice.position", { n: index + 1, total })}</span>
        <ProgressBar value={index + 1} max={total} label={t("practice.progress")} />
        <span>{t("practice.score", { right, checked })}</span>
      </div>
      <PracticeCard
        key={`${question.id}-${question.revision}`}
        question={question}
        heading={t("practice.questionN", { n: index + 1 })}
        bookmarked={bookmarks.ids.has(question.id)}
        onBookmark={(on) => bookmarks.toggle(question.id, on)}
        onChecked={(check) => {
          setChecked((n) => n + 1);
          if (check.correct) setRight((n) => n + 1);
        }}
      />
      <InlineError error={bookmarks.error ?? loadError} />
      <div className="actions spread">
        <button type="button" onClick={() => setIndex(Math.max(0, index - 1))} disabled={index === 0}>
          ← {t("exam.previous")}
        </button>
        <button type="button" className="primary" onClick={() => void next()} disabled={index + 1 >= total}>
          {t("exam.next")} →
        </button>
      </div>
    </div>
  );
}
