// The blueprint editor's fields, with the problems found in the browser shown as the admin types.
import type { Blueprint } from "../api/types";
import { useAdminT, type AdminKey } from "./messages";
import { blueprintProblems } from "./blueprintRules";
import { splitList } from "./questionDraft";

export function BlueprintForm({
  draft,
  onChange,
  isNew,
}: {
  draft: Blueprint;
  onChange(next: Blueprint): void;
  isNew: boolean;
}) {
  const a = useAdminT();
  const set = <K extends keyof Blueprint>(key: K, value: Blueprint[K]) => onChange({ ...draft, [key]: value });
  const num = (value: string) => (value === "" ? 0 : Number(value));
  const problems = blueprintProblems(draft);
  const scoring = draft.scoring;

  return (
    <div className="panel form">
      <div className="form-row">
        <label>
          {a("blueprint.code")}
          <input value={draft.code} onChange={(e) => set("code", e.target.value)} disabled={!isNew} />
        </label>
        <label>
          {a("blueprint.version")}
          <input
            type="number"
            min={1}
            value={draft.version}
            onChange={(e) => set("version", num(e.target.value))}
            disabled={!isNew}
          />
        </label>
        <label>
          {a("field.jurisdiction")}
          <input value={draft.jurisdiction} onChange={(e) => set("jurisdiction", e.target.value)} disabled={!isNew} />
        </label>
        <label>
          {a("blueprint.class")}
          <input value={draft.licence_class} onChange={(e) => set("licence_class", e.target.value)} />
        </label>
      </div>
      <div className="form-row">
        <label>
          {a("blueprint.validFrom")}
          <input type="date" value={draft.valid_from} onChange={(e) => set("valid_from", e.target.value)} />
        </label>
        <label>
          {a("blueprint.validTo")}
          <input type="date" value={draft.valid_to ?? ""} onChange={(e) => set("valid_to", e.target.value || null)} />
        </label>
        <label>
          {a("blueprint.questionCount")}
          <input
            type="number"
            min={1}
            value={draft.question_count}
            onChange={(e) => set("question_count", num(e.target.value))}
          />
        </label>
        <label>
          {a("blueprint.minutes")}
          <input
            type="number"
            min={1}
            value={Math.round(draft.time_limit_seconds / 60)}
            onChange={(e) => set("time_limit_seconds", num(e.target.value) * 60)}
          />
        </label>
        <label>
          {a("blueprint.pool")}
          <input value={draft.pool ?? ""} onChange={(e) => set("pool", e.target.value || null)} />
        </label>
      </div>
      <fieldset className="field">
        <legend>{a("blueprint.quotas")}</legend>
        {draft.quotas.map((q, i) => (
          <div key={i} className="form-row">
            <label>
              {a("blueprint.quotaTopics")}
              <input
                defaultValue={q.topics.join(", ")}
                onBlur={(e) =>
                  set(
                    "quotas",
                    draft.quotas.map((x, j) => (j === i ? { ...x, topics: splitList(e.target.value) } : x)),
                  )
                }
              />
            </label>
            <label>
              {a("blueprint.quotaCount")}
              <input
                type="number"
                min={1}
                value={q.count}
                onChange={(e) =>
                  set(
                    "quotas",
                    draft.quotas.map((x, j) => (j === i ? { ...x, count: num(e.target.value) } : x)),
                  )
                }
              />
            </label>
            <button
              type="button"
              className="danger"
              onClick={() =>
                set(
                  "quotas",
                  draft.quotas.filter((_, j) => j !== i),
                )
              }
            >
              {a("blueprint.removeQuota")}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set("quotas", [...draft.quotas, { topics: [], count: 1 }])}>
          {a("blueprint.addQuota")}
        </button>
      </fieldset>
      <div className="form-row">
        <label>
          {a("blueprint.criticalCount")}
          <input
            type="number"
            min={0}
            value={draft.critical.count}
            onChange={(e) => set("critical", { ...draft.critical, count: num(e.target.value) })}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.critical.fail_on_wrong}
            onChange={(e) => set("critical", { ...draft.critical, fail_on_wrong: e.target.checked })}
          />
          {a("blueprint.criticalFails")}
        </label>
        <label>
          {a("blueprint.scoring")}
          <select
            value={scoring.policy}
            onChange={(e) =>
              set(
                "scoring",
                e.target.value === "count_correct"
                  ? { policy: "count_correct", pass_mark: draft.question_count }
                  : { policy: "error_points", max_error_points: 10, max_weight_wrong_limit: 2 },
              )
            }
          >
            <option value="count_correct">{a("blueprint.countCorrect")}</option>
            <option value="error_points">{a("blueprint.errorPoints")}</option>
          </select>
        </label>
        {scoring.policy === "count_correct" ? (
          <label>
            {a("blueprint.passMark")}
            <input
              type="number"
              min={1}
              value={scoring.pass_mark}
              onChange={(e) => set("scoring", { ...scoring, pass_mark: num(e.target.value) })}
            />
          </label>
        ) : (
          <>
            <label>
              {a("blueprint.maxErrorPoints")}
              <input
                type="number"
                min={0}
                value={scoring.max_error_points}
                onChange={(e) => set("scoring", { ...scoring, max_error_points: num(e.target.value) })}
              />
            </label>
            <label>
              {a("blueprint.maxWeightWrong")}
              <input
                type="number"
                min={0}
                value={scoring.max_weight_wrong_limit}
                onChange={(e) => set("scoring", { ...scoring, max_weight_wrong_limit: num(e.target.value) })}
              />
            </label>
          </>
        )}
      </div>
      <div className="form-row">
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.navigation.flag}
            onChange={(e) => set("navigation", { ...draft.navigation, flag: e.target.checked })}
          />
          {a("blueprint.flag")}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.navigation.revisit}
            onChange={(e) => set("navigation", { ...draft.navigation, revisit: e.target.checked })}
          />
          {a("blueprint.revisit")}
        </label>
      </div>
      <div aria-live="polite">
        {problems.length === 0 ? (
          <p className="ok-text">✔ {a("blueprint.checksPass")}</p>
        ) : (
          <ul className="problems">
            {problems.map((p) => (
              <li key={p.field}>
                <code>{p.field}</code>: {a(`blueprint.problem.${p.key}` as AdminKey, p.values)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
