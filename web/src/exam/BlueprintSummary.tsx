// What an exam format asks: questions, time, how it is passed, the critical rule, navigation.
import type { Blueprint } from "../api/types";
import { useI18n } from "../i18n/i18n";

export function BlueprintSummary({ blueprint }: { blueprint: Blueprint }) {
  const { t } = useI18n();
  const minutes = Math.round(blueprint.time_limit_seconds / 60);
  const scoring = blueprint.scoring;
  return (
    <dl className="facts">
      <div>
        <dt>{t("blueprint.questions")}</dt>
        <dd>{blueprint.question_count}</dd>
      </div>
      <div>
        <dt>{t("blueprint.time")}</dt>
        <dd>{t("blueprint.minutes", { minutes })}</dd>
      </div>
      <div>
        <dt>{t("blueprint.pass")}</dt>
        <dd>
          {scoring.policy === "count_correct"
            ? t("blueprint.passMark", { mark: scoring.pass_mark, count: blueprint.question_count })
            : t("blueprint.errorPoints", { points: scoring.max_error_points })}
        </dd>
      </div>
      {blueprint.critical.count > 0 && (
        <div>
          <dt>{t("blueprint.critical")}</dt>
          <dd>
            {blueprint.critical.fail_on_wrong
              ? t("blueprint.criticalFails", { count: blueprint.critical.count })
              : t("blueprint.criticalCount", { count: blueprint.critical.count })}
          </dd>
        </div>
      )}
      <div>
        <dt>{t("blueprint.navigation")}</dt>
        <dd>
          {blueprint.navigation.revisit ? t("blueprint.revisitYes") : t("blueprint.revisitNo")}
          {blueprint.navigation.flag ? ` · ${t("blueprint.flagYes")}` : ""}
        </dd>
      </div>
    </dl>
  );
}
