// One practice question: answer, check (the server says right or wrong, the correct answer and why),
// bookmark when signed in.
import { useEffect, useState } from "react";
import { catalog } from "../api/catalog";
import type { Answer, PracticeCheck, PracticeQuestion } from "../api/types";
import { useAuth } from "../auth/AuthProvider";
import { useI18n } from "../i18n/i18n";
import { AnswerInput } from "../exam/AnswerInput";
import { MediaList } from "../ui/MediaList";
import { InlineError } from "../ui/Status";

interface PracticeCardProps {
  question: PracticeQuestion;
  heading: string;
  bookmarked?: boolean;
  onBookmark?(on: boolean): void;
  onChecked?(check: PracticeCheck): void;
}

export function PracticeCard({ question, heading, bookmarked, onBookmark, onChecked }: PracticeCardProps) {
  const { t } = useI18n();
  const { user } = useAuth();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [check, setCheck] = useState<PracticeCheck | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setAnswer(null);
    setCheck(null);
    setError(undefined);
  }, [question.id, question.revision]);

  async function submit() {
    if (!answer) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await catalog.checkAnswer(question.id, question.revision, answer);
      setCheck(result);
      onChecked?.(result);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="panel question-card" aria-labelledby={`pq-${question.id}`}>
      <div className="question-head">
        <h2 id={`pq-${question.id}`}>{heading}</h2>
        <div className="badges">
          {question.critical && <span className="badge critical">{t("result.criticalQuestion")}</span>}
          {user && onBookmark && (
            <button
              type="button"
              className="bookmark"
              aria-pressed={!!bookmarked}
              onClick={() => onBookmark(!bookmarked)}
            >
              {bookmarked ? `★ ${t("practice.bookmarked")}` : `☆ ${t("practice.bookmark")}`}
            </button>
          )}
        </div>
      </div>
      <p className="question-text">{question.text}</p>
      <MediaList media={question.media} label={t("media.practiceImage")} />
      <AnswerInput
        name={`practice-${question.id}`}
        kind={question.kind}
        options={question.options}
        answer={check ? check.answer : answer}
        onChange={setAnswer}
        disabled={!!check || busy}
        legend={t("answer.legend")}
        feedback={check ? { correctOptions: check.correct_options ?? [], numeric: check.numeric_answer } : undefined}
      />
      {!check && (
        <button type="button" className="primary" onClick={submit} disabled={!answer || busy}>
          {t("practice.check")}
        </button>
      )}
      <InlineError error={error} />
      {check && (
        <div className={check.correct ? "feedback good" : "feedback bad"} role="status">
          <p className="feedback-title">{check.correct ? `✔ ${t("practice.right")}` : `✘ ${t("practice.wrong")}`}</p>
          {check.explanation && <p>{check.explanation}</p>}
          {check.review && (
            <p className="muted">{t("practice.reviewBox", { box: check.review.box, due: check.review.due })}</p>
          )}
        </div>
      )}
    </article>
  );
}
