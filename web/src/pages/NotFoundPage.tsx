// Any address the app does not know.
import { Link } from "react-router";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t("error.404.title")}>
      <section className="panel">
        <p>{t("error.404.body")}</p>
        <Link to="/" className="button primary">
          {t("nav.home")}
        </Link>
      </section>
    </Page>
  );
}
