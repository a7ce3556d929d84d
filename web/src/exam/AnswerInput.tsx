// The answer to one question: a checkbox per option (every correct option must be chosen: the exam does not
// say how many there are), or a number. With `feedback`, it shows the correct options and what was chosen.
import { useEffect, useState } from "react";
import type { Answer, OptionView } from "../api/types";
import { useI18n } from "../i18n/i18n";

export interface Feedback {
  correctOptions: number[];
  numeric?: { value: number; tolerance: number };
}

interface AnswerInputProps {
  name: string;
  kind: "choice" | "numeric";
  options?: OptionView[];
  answer: Answer | null;
  onChange(answer: Answer | null): void;
  disabled?: boolean;
  feedback?: Feedback;
  legend: string;
}

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

export function selectedOf(answer: Answer | null): number[] {
  return answer && "selected" in answer ? answer.selected : [];
}

function NumericInput({ name, answer, onChange, disabled, legend }: AnswerInputProps) {
  const { t } = useI18n();
  const initial = answer && "value" in answer ? String(answer.value) : "";
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  const commit = () => {
    const value = Number(text.replace(",", "."));
    if (text.trim() === "") onChange(null);
    else if (Number.isFinite(value) && !(answer && "value" in answer && answer.value === value)) onChange({ value });
  };
  return (
    <div className="numeric-answer">
      <label htmlFor={`${name}-value`}>{legend}</label>
      <input
        id={`${name}-value`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
        aria-describedby={`${name}-hint`}
      />
      <p id={`${name}-hint`} className="muted">
        {t("answer.numericHint")}
      </p>
    </div>
  );
}

export function AnswerInput(props: AnswerInputProps) {
  const { t } = useI18n();
  const { name, kind, options = [], answer, onChange, disabled, feedback, legend } = props;
  if (kind === "numeric") {
    return (
      <>
        <NumericInput {...props} />
        {feedback?.numeric && (
          <p className="feedback-line">{t("answer.numericCorrect", { value: feedback.numeric.value })}</p>
        )}
      </>
    );
  }
  const selected = selectedOf(answer);
  const toggle = (id: number, on: boolean) => {
    const next = on ? [...selected, id].sort((a, b) => a - b) : selected.filter((s) => s !== id);
    onChange(next.length ? { selected: next } : null);
  };
  return (
    <fieldset className="options" disabled={disabled}>
      <legend>{legend}</legend>
      <p className="muted hint">{t("answer.chooseAll")}</p>
      {options.map((option, index) => {
        const chosen = selected.includes(option.id);
        const correct = feedback?.correctOptions.includes(option.id);
        let state = "";
        if (feedback) state = correct ? "is-correct" : chosen ? "is-wrong" : "";
        return (
          <label key={option.id} className={`option ${chosen ? "is-chosen" : ""} ${state}`}>
            <input type="checkbox" name={name} checked={chosen} onChange={(e) => toggle(option.id, e.target.checked)} />
            <span className="option-letter" aria-hidden="true">
              {optionLetter(index)}
            </span>
            <span className="option-text">{option.text}</span>
            {feedback && correct && <span className="badge good">{t("answer.correctOption")}</span>}
            {feedback && chosen && !correct && <span className="badge bad">{t("answer.wrongChoice")}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
