// Previous / next page buttons with "page 2 of 5".
import { useI18n } from "../i18n/i18n";

export function Pager({
  page,
  size,
  total,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  onPage(page: number): void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        ← {t("pager.previous")}
      </button>
      <span>{t("pager.position", { page, pages, total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t("pager.next")} →
      </button>
    </nav>
  );
}
