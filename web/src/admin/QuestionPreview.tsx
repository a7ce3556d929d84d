// The live preview of a question being edited, as a learner sees it in practice and in the review.
import type { BankQuestion } from "../api/types";
import { optionLetter } from "../exam/AnswerInput";
import { MediaList } from "../ui/MediaList";
import { useAdminT } from "./messages";

export function QuestionPreview({ question, language }: { question: BankQuestion; language: string }) {
  const a = useAdminT();
  const text = (value: Record<string, string>) =>
    value[language] || value.en || Object.values(value).find(Boolean) || "";
  return (
    <section className="panel preview" aria-labelledby="preview-title" aria-live="polite">
      <h2 id="preview-title">
        {a("editor.preview")} ({language})
      </h2>
      <div className="badges">
        {question.critical && <span className="badge critical">{a("field.critical")}</span>}
        <span className="badge">{a(`status.${question.status}`)}</span>
      </div>
      <p className="question-text">{text(question.text) || <em className="muted">{a("editor.noText")}</em>}</p>
      <MediaList media={question.media} label={a("editor.previewImage")} />
      {question.kind === "choice" ? (
        <ul className="plain-list">
          {question.options.map((option, i) => (
            <li key={i} className={option.correct ? "option is-correct" : "option"}>
              <span className="option-letter">{optionLetter(i)}</span>
              <span className="option-text">{text(option.text)}</span>
              {option.correct && <span className="badge good">{a("field.correct")}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {a("field.numericAnswer")}: {question.numeric_answer?.value ?? "–"} (±{" "}
          {question.numeric_answer?.tolerance ?? 0})
        </p>
      )}
      {text(question.explanation) && (
        <div className="explanation">
          <h3>{a("field.explanation")}</h3>
          <p>{text(question.explanation)}</p>
        </div>
      )}
    </section>
  );
}
