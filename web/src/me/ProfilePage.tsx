// The profile: display name, language (also the app's), target licence class, e-mail opt-ins.
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { account } from "../api/account";
import { catalog } from "../api/catalog";
import type { Profile } from "../api/types";
import { useChoice } from "../app/choice";
import { useI18n, type Language } from "../i18n/i18n";
import { Field, fieldError } from "../ui/Field";
import { Page } from "../ui/Page";
import { InlineError, Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved(profile: Profile): void }) {
  const { t, pick, setLang } = useI18n();
  const choice = useChoice();
  const [draft, setDraft] = useState(profile);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const [targetJurisdiction] = (draft.target_class || `${choice.jurisdiction}/`).split("/");
  const jurisdictions = useResource(() => catalog.jurisdictions(), []);
  const classes = useResource(() => catalog.licenceClasses(targetJurisdiction || "vn"), [targetJurisdiction]);
  useEffect(() => setDraft(profile), [profile]);
  const server = fieldError(error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(undefined);
    try {
      const updated = await account.updateMe({
        display_name: draft.display_name,
        language: draft.language,
        target_class: draft.target_class,
        email_opt_ins: draft.email_opt_ins,
      });
      onSaved(updated);
      setLang(updated.language);
      const [j, c] = updated.target_class.split("/");
      if (j && c) choice.choose({ jurisdiction: j, licenceClass: c });
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel form" onSubmit={onSubmit}>
      <p className="muted">
        {profile.username} · {profile.email}
      </p>
      <Field
        label={t("profile.displayName")}
        value={draft.display_name}
        onChange={(e) => setDraft({ ...draft, display_name: e.target.value })}
        error={server?.field === "display_name" ? server.message : undefined}
      />
      <div className="field">
        <label htmlFor="profile-language">{t("profile.language")}</label>
        <select
          id="profile-language"
          value={draft.language}
          onChange={(e) => setDraft({ ...draft, language: e.target.value as Language })}
        >
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </div>
      <fieldset className="field">
        <legend>{t("profile.targetClass")}</legend>
        <div className="form-row">
          <label>
            {t("home.jurisdiction")}
            <select
              value={targetJurisdiction}
              onChange={(e) => setDraft({ ...draft, target_class: `${e.target.value}/` })}
            >
              <option value="">–</option>
              {jurisdictions.data?.items.map((j) => (
                <option key={j.code} value={j.code}>
                  {pick(j.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("home.licenceClass")}
            <select
              value={draft.target_class.split("/")[1] ?? ""}
              onChange={(e) =>
                setDraft({ ...draft, target_class: e.target.value ? `${targetJurisdiction}/${e.target.value}` : "" })
              }
            >
              <option value="">–</option>
              {classes.data?.items.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} · {pick(c.name)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {server?.field === "target_class" && <p className="field-error">{server.message}</p>}
      </fieldset>
      <fieldset className="field">
        <legend>{t("profile.emails")}</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.email_opt_ins.exam_results}
            onChange={(e) =>
              setDraft({ ...draft, email_opt_ins: { ...draft.email_opt_ins, exam_results: e.target.checked } })
            }
          />
          {t("profile.examResults")}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.email_opt_ins.product_news}
            onChange={(e) =>
              setDraft({ ...draft, email_opt_ins: { ...draft.email_opt_ins, product_news: e.target.checked } })
            }
          />
          {t("profile.productNews")}
        </label>
      </fieldset>
      {!server?.field && <InlineError error={error} />}
      {saved && (
        <p className="notice" role="status">
          {t("profile.saved")}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("status.saving") : t("action.save")}
        </button>
        <Link to="/me/password" className="button">
          {t("password.title")}
        </Link>
      </div>
    </form>
  );
}

export function ProfilePage() {
  const { t } = useI18n();
  const profile = useResource(() => account.me(), []);
  return (
    <Page title={t("profile.title")}>
      <Loaded resource={profile}>{(p) => <ProfileForm profile={p} onSaved={profile.setData} />}</Loaded>
    </Page>
  );
}
