// Create or edit a question, with a live preview; saving an edit makes a new revision. Soft delete.
import { useEffect, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { catalog } from "../api/catalog";
import type { BankQuestion } from "../api/types";
import { Dialog } from "../ui/Dialog";
import { fieldError } from "../ui/Field";
import { Page } from "../ui/Page";
import { InlineError, Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { admin } from "./adminApi";
import { useAdminT } from "./messages";
import { QuestionForm } from "./QuestionForm";
import { QuestionPreview } from "./QuestionPreview";
import { emptyQuestion, languagesOf, toSavable } from "./questionDraft";

function Editor({ initial }: { initial: BankQuestion }) {
  const a = useAdminT();
  const navigate = useNavigate();
  const location = useLocation();
  const [draft, setDraft] = useState(initial);
  const [previewLanguage, setPreviewLanguage] = useState(languagesOf(initial)[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string | undefined>((location.state as { saved?: string } | null)?.saved);
  const [deleting, setDeleting] = useState(false);
  useEffect(() => setDraft(initial), [initial]);
  const languages = languagesOf(draft);
  const jurisdictions = useResource(() => catalog.jurisdictions(), []);
  const topics = useResource(() => catalog.topics(draft.jurisdiction), [draft.jurisdiction]);
  const problem = fieldError(error);

  async function save() {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const body = toSavable(draft);
      const stored = draft.id ? await admin.updateQuestion(draft.id, body) : await admin.createQuestion(body);
      const message = a("editor.saved", { revision: stored.revision ?? 1 });
      if (!draft.id) return navigate(`/admin/questions/${stored.id}`, { replace: true, state: { saved: message } });
      setDraft(stored);
      setSaved(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!draft.id) return;
    setBusy(true);
    try {
      await admin.deleteQuestion(draft.id);
      navigate("/admin", { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
      setDeleting(false);
    }
  }

  return (
    <Page
      title={draft.id ? a("editor.editTitle", { id: draft.external_id }) : a("editor.newTitle")}
      actions={
        draft.id ? (
          <Link to={`/admin/questions/${draft.id}/revisions`} className="button">
            {a("editor.revisions", { revision: draft.revision ?? 1 })}
          </Link>
        ) : undefined
      }
    >
      <div className="editor-layout">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <QuestionForm
            draft={draft}
            languages={languages}
            topics={topics.data?.items ?? []}
            jurisdictions={jurisdictions.data?.items ?? []}
            onChange={setDraft}
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
              {saved}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? a("editor.saving") : a("editor.save")}
            </button>
            {draft.id && (
              <button type="button" className="danger" onClick={() => setDeleting(true)} disabled={busy}>
                {a("editor.delete")}
              </button>
            )}
          </div>
        </form>
        <div>
          <div className="tabs" role="group" aria-label={a("editor.previewLanguage")}>
            {languages.map((code) => (
              <button
                key={code}
                type="button"
                aria-pressed={previewLanguage === code}
                onClick={() => setPreviewLanguage(code)}
              >
                {code.toUpperCase()}
              </button>
            ))}
          </div>
          <QuestionPreview question={draft} language={previewLanguage} />
        </div>
      </div>
      {deleting && (
        <Dialog
          title={a("editor.deleteTitle")}
          confirmLabel={a("editor.delete")}
          cancelLabel={a("action.cancel")}
          onCancel={() => setDeleting(false)}
          onConfirm={() => void remove()}
          busy={busy}
        >
          <p>{a("editor.deleteBody")}</p>
        </Dialog>
      )}
    </Page>
  );
}

export function QuestionEditorPage() {
  const { id } = useParams();
  const question = useResource(() => (id ? admin.question(Number(id)) : Promise.resolve(emptyQuestion())), [id]);
  return <Loaded resource={question}>{(q) => <Editor key={q.id ?? "new"} initial={q} />}</Loaded>;
}
