// Change password: the current one is checked by the Account service, the new one against the policy.
import { useState, type FormEvent } from "react";
import { account } from "../api/account";
import { useAuth } from "../auth/AuthProvider";
import { useI18n } from "../i18n/i18n";
import { Field, fieldError } from "../ui/Field";
import { Page } from "../ui/Page";
import { InlineError } from "../ui/Status";
import { passwordProblems } from "./passwordRules";

export function PasswordPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const problems = passwordProblems(next, user?.username ?? "", user?.email ?? "");
  const server = fieldError(error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problems.length || next !== confirm || !current) return;
    setBusy(true);
    setError(undefined);
    try {
      await account.changePassword(current, next);
      setDone(true);
      setCurrent("");
      setNext("");
      setConfirm("");
      setTouched(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("password.title")}>
      <form className="panel form" onSubmit={onSubmit} noValidate>
        {done && (
          <p className="notice" role="status">
            {t("password.changed")}
          </p>
        )}
        <Field
          label={t("password.current")}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={
            server?.field === "current_password"
              ? t("password.wrongCurrent")
              : touched && !current
                ? t("form.required")
                : undefined
          }
        />
        <Field
          label={t("password.new")}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          hint={t("password.rules")}
          error={
            server?.field === "new_password"
              ? server.message
              : touched && problems.length
                ? problems.map((p) => t(p)).join(" ")
                : undefined
          }
        />
        <Field
          label={t("password.confirm")}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={confirm && confirm !== next ? t("password.mismatch") : undefined}
        />
        {!server?.field && <InlineError error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("status.saving") : t("password.submit")}
        </button>
      </form>
    </Page>
  );
}
