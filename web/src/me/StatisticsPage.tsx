// Progress: readiness, pass rate, the score trend of the last exams and the accuracy per topic (weakest first).
import { catalog } from "../api/catalog";
import { useI18n } from "../i18n/i18n";
import { BarList, Gauge, LineChart } from "../ui/charts";
import { Page } from "../ui/Page";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";

export function StatisticsPage() {
  const { t, lang, formatDate } = useI18n();
  const stats = useResource(() => catalog.statistics(), [lang]);
  return (
    <Page title={t("stats.title")}>
      <Loaded resource={stats}>
        {(s) => (
          <>
            <section className="panel stats-summary" aria-labelledby="summary-title">
              <h2 id="summary-title" className="visually-hidden">
                {t("stats.summary")}
              </h2>
              <Gauge value={s.readiness} label={t("stats.readiness")} />
              <dl className="facts">
                <div>
                  <dt>{t("stats.exams")}</dt>
                  <dd>{s.exams}</dd>
                </div>
                <div>
                  <dt>{t("stats.passed")}</dt>
                  <dd>
                    {s.exams_passed} ({s.pass_rate_percent} %)
                  </dd>
                </div>
                <div>
                  <dt>{t("stats.practiceAnswers")}</dt>
                  <dd>{s.practice_answers}</dd>
                </div>
              </dl>
              <p className="muted">{t("stats.readinessHelp")}</p>
            </section>
            <section className="panel" aria-labelledby="trend-title">
              <h2 id="trend-title">{t("stats.trend")}</h2>
              {s.trend.length ? (
                <LineChart
                  label={t("stats.trend")}
                  points={s.trend.map((p) => ({
                    label: formatDate(p.finished_at, false),
                    value: p.percent,
                    good: p.passed,
                  }))}
                />
              ) : (
                <p>{t("stats.noExams")}</p>
              )}
            </section>
            <section className="panel" aria-labelledby="accuracy-title">
              <h2 id="accuracy-title">{t("stats.byTopic")}</h2>
              {s.topics.length ? (
                <BarList
                  label={t("stats.byTopic")}
                  bars={s.topics.map((tp) => ({
                    label: tp.name ?? tp.topic,
                    value: tp.percent,
                    detail: `${tp.correct} / ${tp.total}`,
                  }))}
                />
              ) : (
                <p>{t("stats.noAnswers")}</p>
              )}
              {s.weak_topics.length > 0 && (
                <>
                  <h3>{t("stats.weak")}</h3>
                  <ul>
                    {s.weak_topics.map((w) => (
                      <li key={w.topic}>
                        {w.name ?? w.topic}: {w.percent} %
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
