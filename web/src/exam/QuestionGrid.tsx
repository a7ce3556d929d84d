// The exam's question grid: one button per question showing answered and flagged; the current one is marked.
import { useI18n } from "../i18n/i18n";

export interface GridCell {
  position: number;
  answered: boolean;
  flagged: boolean;
  locked: boolean;
}

export function QuestionGrid({
  cells,
  current,
  onSelect,
}: {
  cells: GridCell[];
  current: number;
  onSelect(position: number): void;
}) {
  const { t } = useI18n();
  return (
    <nav className="question-grid" aria-label={t("exam.grid")}>
      <ol>
        {cells.map((cell) => {
          const states = [
            cell.answered ? t("exam.answered") : t("exam.unanswered"),
            cell.flagged ? t("exam.flagged") : "",
          ].filter(Boolean);
          return (
            <li key={cell.position}>
              <button
                type="button"
                className={[
                  "cell",
                  cell.answered ? "answered" : "",
                  cell.flagged ? "flagged" : "",
                  cell.position === current ? "current" : "",
                ].join(" ")}
                aria-current={cell.position === current ? "step" : undefined}
                aria-label={`${t("exam.questionN", { n: cell.position })}: ${states.join(", ")}`}
                disabled={cell.locked}
                onClick={() => onSelect(cell.position)}
              >
                {cell.position}
                {cell.flagged && (
                  <span className="flag-mark" aria-hidden="true">
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="legend muted" aria-hidden="true">
        <span className="cell-sample answered" /> {t("exam.answered")} <span className="cell-sample flagged" />{" "}
        {t("exam.flagged")} <span className="cell-sample" /> {t("exam.unanswered")}
      </p>
    </nav>
  );
}
