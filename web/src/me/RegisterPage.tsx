// Registration: the Account service creates the user in Keycloak; then the user signs in (code flow).
import { useState, type FormEvent } from "react";
import { account } from "../api/account";
import type { Profile } from "../api/types";
import { useAuth } from "../auth/AuthProvider";
import { useI18n } from "../i18n/i18n";
import { Field, fieldError } from "../ui/Field";
import { Page } from "../ui/Page";
import { InlineError } from "../ui/Status";
import { passwordProblems } from "./passwordRules";

export function RegisterPage() {
  const { t, lang } = useI18n();
  const { signIn } = useAuth();
  const [form, setForm] = useState({ username: "", email: "", display_name: "", password: "", confirm: "" });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<Profile | null>(null);

  const problems = passwordProblems(form.password, form.username, form.email);
  const mismatch = form.confirm !== "" && form.confirm !== form.password;
  const server = fieldError(error);
  const errorFor = (field: string) => (server?.field === field ? server.message : undefined);
  const set = (name: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm((old) => ({ ...old, [name]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problems.length || form.password !== form.confirm) return;
    setBusy(true);
    setError(undefined);
    try {
      setCreated(
        await account.register({
          username: form.username.trim(),
          email: form.email.trim(),
          password: form.password,
          display_name: form.display_name.trim() || undefined,
          language: lang,
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <Page title={t("register.doneTitle")}>
        <section className="panel" role="status">
          <p>{t("register.done", { username: created.username })}</p>
          <button type="button" className="primary" onClick={() => signIn("/", created.username)}>
            {t("nav.signIn")}
          </button>
        </section>
      </Page>
    );
  }

  return (
    <Page title={t("register.title")}>
      <form className="panel form" onSubmit={onSubmit} noValidate>
        <Field
          label={t("register.username")}
          value={form.username}
          onChange={set("username")}
          autoComplete="username"
          required
          error={errorFor("username")}
        />
        <Field
          label={t("register.email")}
          type="email"
          value={form.email}
          onChange={set("email")}
          autoComplete="email"
          required
          error={errorFor("email")}
        />
        <Field
          label={t("register.displayName")}
          value={form.display_name}
          onChange={set("display_name")}
          autoComplete="name"
          hint={t("register.displayNameHint")}
          error={errorFor("display_name")}
        />
        <Field
          label={t("register.password")}
          type="password"
          value={form.password}
          onChange={set("password")}
          autoComplete="new-password"
          required
          hint={t("password.rules")}
          error={errorFor("password") ?? (touched && problems.length ? problems.map((p) => t(p)).join(" ") : undefined)}
        />
        <Field
          label={t("register.confirm")}
          type="password"
          value={form.confirm}
          onChange={set("confirm")}
          autoComplete="new-password"
          required
          error={mismatch ? t("password.mismatch") : undefined}
        />
        {!server?.field && <InlineError error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("status.saving") : t("register.submit")}
        </button>
      </form>
    </Page>
  );
}
