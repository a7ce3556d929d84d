// The result of a graded exam: passed or failed and why (score, a critical question missed, error points),
// the breakdown per topic, and the review of every question.
import { Link, useParams } from "react-router";
import { catalog } from "../api/catalog";
import type { Blueprint, Exam, ExamResult, FailReason, Topic } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { BarList } from "../ui/charts";
import { Page } from "../ui/Page";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { ReviewList } from "./ReviewList";

interface Loaded {
  exam: Exam;
  result: ExamResult;
  topics: Topic[];
  blueprint?: Blueprint;
}

async function loadResult(id: string): Promise<Loaded> {
  const exam = await catalog.exam(id);
  const result = exam.result ?? (await catalog.result(id));
  const [topics, blueprints] = await Promise.all([
    catalog.topics(exam.jurisdiction).then(
      (list) => list.items,
      () => [] as Topic[],
    ),
    catalog.blueprints({ jurisdiction: exam.jurisdiction, licence_class: exam.licence_class }).then(
      (list) => list.items,
      () => [] as Blueprint[],
    ),
  ]);
  const blueprint = blueprints.find((b) => b.code === exam.blueprint.code && b.version === exam.blueprint.version);
  return { exam, result, topics, blueprint };
}

function FailReasons({ reasons }: { reasons: FailReason[] }) {
  const { t } = useI18n();
  return (
    <ul className="fail-reasons">
      {reasons.map((reason, i) => (
        <li key={i} className={reason.kind === "critical_question_wrong" ? "critical-reason" : undefined}>
          <strong>{t(`result.reason.${reason.kind}`)}</strong>: {reason.message}
          {reason.positions.length > 0 && (
            <>
              {" "}
              ({t("result.seeQuestions")}{" "}
              {reason.positions.map((p, j) => (
                <span key={p}>
                  {j > 0 && ", "}
                  <a href={`#review-${p}`}>{p}</a>
                </span>
              ))}
              )
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Verdict({ result, blueprint }: { result: ExamResult; blueprint?: Blueprint }) {
  const { t, formatDate } = useI18n();
  const criticalItems = result.review.filter((r) => r.critical);
  const criticalMissed = criticalItems.filter((r) => !r.correct);
  const errorPointsPolicy = blueprint ? blueprint.scoring.policy === "error_points" : result.error_points > 0;
  return (
    <section
      className={result.passed ? "panel verdict passed" : "panel verdict failed"}
      aria-labelledby="verdict-title"
    >
      <h2 id="verdict-title">
        <span aria-hidden="true">{result.passed ? "✔ " : "✘ "}</span>
        {result.passed ? t("result.passed") : t("result.failed")}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t("result.score")}</dt>
          <dd>{t("result.scoreValue", { score: result.score, max: result.max_score })}</dd>
        </div>
        <div>
          <dt>{t("result.answered")}</dt>
          <dd>{t("result.answeredValue", { answered: result.answered, count: result.review.length })}</dd>
        </div>
        {errorPointsPolicy && (
          <div>
            <dt>{t("result.errorPoints")}</dt>
            <dd>{result.error_points}</dd>
          </div>
        )}
        {criticalItems.length > 0 && (
          <div>
            <dt>{t("result.critical")}</dt>
            <dd>
              {criticalMissed.length === 0
                ? t("result.criticalAllRight", { count: criticalItems.length })
                : t("result.criticalMissed", { positions: criticalMissed.map((c) => c.position).join(", ") })}
            </dd>
          </div>
        )}
        {result.finished_at && (
          <div>
            <dt>{result.finish === "expired" ? t("result.expiredAt") : t("result.finishedAt")}</dt>
            <dd>{formatDate(result.finished_at)}</dd>
          </div>
        )}
      </dl>
      {!result.passed && result.fail_reasons.length > 0 && (
        <>
          <h3>{t("result.why")}</h3>
          <FailReasons reasons={result.fail_reasons} />
        </>
      )}
    </section>
  );
}

export function ResultPage() {
  const { id = "" } = useParams();
  const { t, pick, lang } = useI18n();
  const resource = useResource(() => loadResult(id), [id, lang]);
  return (
    <Page
      title={t("result.title")}
      actions={
        <>
          <Link to="/" className="button primary">
            {t("result.newExam")}
          </Link>
        </>
      }
    >
      <Loaded resource={resource}>
        {({ exam, result, topics, blueprint }) => {
          const name = (code: string) => pick(topics.find((tp) => tp.code === code)?.name) || code;
          return (
            <>
              <p className="muted">
                {t("result.examOf", {
                  licenceClass: exam.licence_class,
                  blueprint: `${exam.blueprint.code} v${exam.blueprint.version}`,
                })}
              </p>
              <Verdict result={result} blueprint={blueprint} />
              <section className="panel" aria-labelledby="topics-title">
                <h2 id="topics-title">{t("result.byTopic")}</h2>
                <BarList
                  label={t("result.byTopic")}
                  bars={result.topics.map((tp) => ({
                    label: name(tp.topic),
                    value: tp.total ? Math.round((tp.correct * 100) / tp.total) : 0,
                    detail: `${tp.correct} / ${tp.total}`,
                  }))}
                />
              </section>
              <ReviewList items={result.review} />
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
