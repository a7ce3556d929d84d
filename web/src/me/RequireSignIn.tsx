// Pages of the signed-in learner: signed-out visitors get a sign-in prompt instead (coming back here after).
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";

export function RequireSignIn({ children, role }: { children: ReactNode; role?: string }) {
  const { user, signIn } = useAuth();
  const { t } = useI18n();
  if (!user) {
    return (
      <Page title={t("auth.required")}>
        <section className="panel">
          <p>{t("auth.requiredBody")}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => signIn()}>
              {t("nav.signIn")}
            </button>
            <Link to="/register" className="button">
              {t("nav.register")}
            </Link>
          </div>
        </section>
      </Page>
    );
  }
  if (role && !user.roles.includes(role)) {
    return (
      <Page title={t("error.403.title")}>
        <section className="panel" role="alert">
          <p>{t("error.403.body")}</p>
          <Link to="/" className="button">
            {t("nav.home")}
          </Link>
        </section>
      </Page>
    );
  }
  return <>{children}</>;
}
