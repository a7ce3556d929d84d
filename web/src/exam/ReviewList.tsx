// The review of a graded exam: every question with the learner's answer, the correct answer, the outcome,
// whether it was critical, the explanation and the question's images.
import { useState } from "react";
import type { ReviewItem } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { MediaList } from "../ui/MediaList";
import { AnswerInput } from "./AnswerInput";

function ReviewEntry({ item }: { item: ReviewItem }) {
  const { t } = useI18n();
  const outcome = t(`result.outcome.${item.outcome}`);
  return (
    <li id={`review-${item.position}`} className={`panel review-item ${item.outcome}`}>
      <h3>
        {t("exam.questionN", { n: item.position })}
        <span className={item.correct ? "badge good" : "badge bad"}>{outcome}</span>
        {item.critical && <span className="badge critical">{t("result.criticalQuestion")}</span>}
      </h3>
      <p className="question-text">{item.text}</p>
      <MediaList media={item.media} label={t("media.questionImage", { n: item.position })} />
      <AnswerInput
        name={`review-${item.position}`}
        kind={item.kind}
        options={item.options}
        answer={item.answer}
        onChange={() => undefined}
        disabled
        legend={t("result.yourAnswer")}
        feedback={{
          correctOptions: item.options?.filter((o) => o.correct).map((o) => o.id) ?? [],
          numeric: item.numeric_answer,
        }}
      />
      {item.outcome === "unanswered" && <p className="muted">{t("result.notAnswered")}</p>}
      {item.explanation && (
        <div className="explanation">
          <h4>{t("result.explanation")}</h4>
          <p>{item.explanation}</p>
        </div>
      )}
    </li>
  );
}

export function ReviewList({ items }: { items: ReviewItem[] }) {
  const { t } = useI18n();
  const [onlyMistakes, setOnlyMistakes] = useState(false);
  const shown = onlyMistakes ? items.filter((i) => !i.correct) : items;
  return (
    <section aria-labelledby="review-title">
      <div className="section-head">
        <h2 id="review-title">{t("result.review")}</h2>
        <label className="inline">
          <input type="checkbox" checked={onlyMistakes} onChange={(e) => setOnlyMistakes(e.target.checked)} />
          {t("result.onlyMistakes")}
        </label>
      </div>
      <ol className="review-list">
        {shown.map((item) => (
          <ReviewEntry key={item.position} item={item} />
        ))}
      </ol>
    </section>
  );
}
