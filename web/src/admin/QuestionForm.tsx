// The question editor's fields: identity and placement, texts per language, options or the numeric key,
// explanation, images, scoring, pools and tags, status.
import type { BankQuestion, Localized, Topic } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { MediaEditor } from "./MediaEditor";
import { useAdminT } from "./messages";
import { splitList } from "./questionDraft";

interface FormProps {
  draft: BankQuestion;
  languages: string[];
  topics: Topic[];
  jurisdictions: { code: string; name: Localized }[];
  onChange(next: BankQuestion): void;
}

function LocalizedInputs({
  label,
  value,
  languages,
  onChange,
  multiline,
}: {
  label: string;
  value: Localized;
  languages: string[];
  onChange(next: Localized): void;
  multiline?: boolean;
}) {
  return (
    <fieldset className="field">
      <legend>{label}</legend>
      <div className="lang-pair">
        {languages.map((code) => (
          <label key={code} lang={code}>
            {code.toUpperCase()}
            {multiline ? (
              <textarea value={value[code] ?? ""} onChange={(e) => onChange({ ...value, [code]: e.target.value })} />
            ) : (
              <input value={value[code] ?? ""} onChange={(e) => onChange({ ...value, [code]: e.target.value })} />
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function QuestionForm({ draft, languages, topics, jurisdictions, onChange }: FormProps) {
  const a = useAdminT();
  const { pick } = useI18n();
  const set = <K extends keyof BankQuestion>(key: K, value: BankQuestion[K]) => onChange({ ...draft, [key]: value });
  const setOption = (index: number, change: Partial<BankQuestion["options"][number]>) =>
    set(
      "options",
      draft.options.map((o, i) => (i === index ? { ...o, ...change } : o)),
    );

  return (
    <div className="panel form">
      <div className="form-row">
        <label>
          {a("field.externalId")}
          <input value={draft.external_id} onChange={(e) => set("external_id", e.target.value)} required />
        </label>
        <label>
          {a("field.jurisdiction")}
          <select
            value={draft.jurisdiction}
            onChange={(e) => onChange({ ...draft, jurisdiction: e.target.value, topic: "" })}
          >
            {jurisdictions.map((j) => (
              <option key={j.code} value={j.code}>
                {pick(j.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {a("field.topic")}
          <select value={draft.topic} onChange={(e) => set("topic", e.target.value)} required>
            <option value="">–</option>
            {topics.map((tp) => (
              <option key={tp.code} value={tp.code}>
                {tp.code} · {pick(tp.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {a("field.kind")}
          <select value={draft.kind} onChange={(e) => set("kind", e.target.value as BankQuestion["kind"])}>
            <option value="choice">{a("kind.choice")}</option>
            <option value="numeric">{a("kind.numeric")}</option>
          </select>
        </label>
      </div>

      <LocalizedInputs
        label={a("field.text")}
        value={draft.text}
        languages={languages}
        multiline
        onChange={(v) => set("text", v)}
      />

      {draft.kind === "choice" ? (
        <fieldset className="field">
          <legend>{a("field.options")}</legend>
          {draft.options.map((option, i) => (
            <div key={i} className="option-editor" role="group" aria-label={a("editor.optionN", { n: i + 1 })}>
              {languages.map((code) => (
                <input
                  key={code}
                  lang={code}
                  aria-label={`${a("editor.optionN", { n: i + 1 })} (${code})`}
                  value={option.text[code] ?? ""}
                  onChange={(e) => setOption(i, { text: { ...option.text, [code]: e.target.value } })}
                />
              ))}
              <label className="inline">
                <input
                  type="checkbox"
                  checked={option.correct}
                  onChange={(e) => setOption(i, { correct: e.target.checked })}
                />
                {a("field.correct")}
              </label>
              <button
                type="button"
                className="danger"
                disabled={draft.options.length <= 2}
                onClick={() =>
                  set(
                    "options",
                    draft.options.filter((_, j) => j !== i),
                  )
                }
              >
                {a("editor.removeOption")}
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={draft.options.length >= 6}
            onClick={() =>
              set("options", [
                ...draft.options,
                { text: Object.fromEntries(languages.map((c) => [c, ""])), correct: false },
              ])
            }
          >
            {a("editor.addOption")}
          </button>
        </fieldset>
      ) : (
        <div className="form-row">
          <label>
            {a("field.numericAnswer")}
            <input
              type="number"
              step="any"
              value={draft.numeric_answer?.value ?? 0}
              onChange={(e) =>
                set("numeric_answer", { tolerance: 0, ...draft.numeric_answer, value: Number(e.target.value) })
              }
            />
          </label>
          <label>
            {a("field.tolerance")}
            <input
              type="number"
              step="any"
              min={0}
              value={draft.numeric_answer?.tolerance ?? 0}
              onChange={(e) =>
                set("numeric_answer", { value: 0, ...draft.numeric_answer, tolerance: Number(e.target.value) })
              }
            />
          </label>
        </div>
      )}

      <LocalizedInputs
        label={a("field.explanation")}
        value={draft.explanation}
        languages={languages}
        multiline
        onChange={(v) => set("explanation", v)}
      />
      <MediaEditor media={draft.media} onChange={(media) => set("media", media)} />

      <div className="form-row">
        <label>
          {a("field.weight")}
          <input type="number" min={1} value={draft.weight} onChange={(e) => set("weight", Number(e.target.value))} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={draft.critical} onChange={(e) => set("critical", e.target.checked)} />
          {a("field.critical")}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.shuffle_options}
            onChange={(e) => set("shuffle_options", e.target.checked)}
          />
          {a("field.shuffle")}
        </label>
        <label>
          {a("field.status")}
          <select value={draft.status} onChange={(e) => set("status", e.target.value as BankQuestion["status"])}>
            <option value="draft">{a("status.draft")}</option>
            <option value="published">{a("status.published")}</option>
            <option value="retired">{a("status.retired")}</option>
          </select>
        </label>
      </div>
      <div className="form-row">
        <label>
          {a("field.pools")}
          <input defaultValue={draft.pools.join(", ")} onBlur={(e) => set("pools", splitList(e.target.value))} />
        </label>
        <label>
          {a("field.tags")}
          <input defaultValue={draft.tags.join(", ")} onBlur={(e) => set("tags", splitList(e.target.value))} />
        </label>
        <label>
          {a("field.group")}
          <input value={draft.group ?? ""} onChange={(e) => set("group", e.target.value.trim() || null)} />
        </label>
      </div>
    </div>
  );
}
