// Blueprints (exam formats) per jurisdiction, every version with the Catalog's problems; edit a version that
// no exam used yet, or start a new version from one.
import { useState } from "react";
import { catalog } from "../api/catalog";
import type { Blueprint } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { fieldError } from "../ui/Field";
import { Page } from "../ui/Page";
import { InlineError, Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { admin } from "./adminApi";
import { BlueprintForm } from "./BlueprintForm";
import { blueprintProblems, toSavableBlueprint } from "./blueprintRules";
import { useAdminT } from "./messages";

interface Editing {
  draft: Blueprint;
  isNew: boolean;
}

export function BlueprintsPage() {
  const a = useAdminT();
  const { pick } = useI18n();
  const [jurisdiction, setJurisdiction] = useState("vn");
  const jurisdictions = useResource(() => catalog.jurisdictions(), []);
  const blueprints = useResource(() => admin.blueprints(jurisdiction), [jurisdiction]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const problem = fieldError(error);

  function edit(blueprint: Blueprint, isNew: boolean) {
    setError(undefined);
    setSaved(false);
    const latest = Math.max(
      ...(blueprints.data?.items.filter((b) => b.code === blueprint.code).map((b) => b.version) ?? [blueprint.version]),
    );
    setEditing({ draft: isNew ? { ...blueprint, version: latest + 1 } : blueprint, isNew });
  }

  async function save() {
    if (!editing) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const body = toSavableBlueprint(editing.draft);
      const stored = editing.isNew ? await admin.createBlueprint(body) : await admin.updateBlueprint(body);
      setEditing({ draft: stored, isNew: false });
      setSaved(true);
      blueprints.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={a("blueprints.title")}>
      <div className="filters">
        <label>
          {a("field.jurisdiction")}
          <select value={jurisdiction} onChange={(e) => setJurisdiction(e.target.value)}>
            {jurisdictions.data?.items.map((j) => (
              <option key={j.code} value={j.code}>
                {pick(j.name)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Loaded resource={blueprints}>
        {(list) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{a("blueprint.code")}</th>
                  <th scope="col">{a("blueprint.class")}</th>
                  <th scope="col">{a("blueprint.valid")}</th>
                  <th scope="col">{a("blueprint.questionCount")}</th>
                  <th scope="col">{a("blueprint.problems")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{a("blueprint.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((b) => (
                  <tr key={`${b.code}-${b.version}`}>
                    <td>
                      {b.code} v{b.version} {b.in_force && <span className="badge good">{a("blueprint.inForce")}</span>}
                    </td>
                    <td>{b.licence_class}</td>
                    <td>
                      {b.valid_from} – {b.valid_to ?? "…"}
                    </td>
                    <td>
                      {b.question_count} / {Math.round(b.time_limit_seconds / 60)} min
                    </td>
                    <td>
                      {b.problems?.length ? (
                        <ul className="problems">
                          {b.problems.map((p, i) => (
                            <li key={i}>
                              <code>{p.field}</code>: {p.message}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="ok-text">✔</span>
                      )}
                    </td>
                    <td>
                      <div className="actions">
                        <button type="button" onClick={() => edit(b, false)}>
                          {a("action.edit")}
                        </button>
                        <button type="button" onClick={() => edit(b, true)}>
                          {a("blueprint.newVersion")}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      {editing && (
        <section aria-labelledby="blueprint-editor">
          <h2 id="blueprint-editor">
            {editing.isNew
              ? a("blueprint.creating", { code: editing.draft.code, version: editing.draft.version })
              : a("blueprint.editing", { code: editing.draft.code, version: editing.draft.version })}
          </h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <BlueprintForm
              draft={editing.draft}
              isNew={editing.isNew}
              onChange={(draft) => setEditing({ ...editing, draft })}
            />
            {problem?.field ? (
              <p className="inline-error" role="alert">
                {a("editor.fieldProblem", { field: problem.field, message: problem.message })}
              </p>
            ) : (
              <InlineError error={error} />
            )}
            {saved && (
              <p className="notice" role="status">
                {a("blueprint.saved")}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="primary" disabled={busy || blueprintProblems(editing.draft).length > 0}>
                {busy ? a("editor.saving") : a("editor.save")}
              </button>
              <button type="button" onClick={() => setEditing(null)}>
                {a("action.cancel")}
              </button>
            </div>
          </form>
        </section>
      )}
    </Page>
  );
}
