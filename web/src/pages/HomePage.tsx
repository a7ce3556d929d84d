// Home: choose the jurisdiction and licence class, see the exam format in force, start a mock exam, practise.
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { catalog } from "../api/catalog";
import type { Blueprint } from "../api/types";
import { useChoice } from "../app/choice";
import { useI18n } from "../i18n/i18n";
import { currentExamId, rememberExam } from "../exam/examStorage";
import { BlueprintSummary } from "../exam/BlueprintSummary";
import { InlineError, Loaded } from "../ui/Status";
import { Page } from "../ui/Page";
import { CardLinks } from "../ui/CardLinks";
import { practiceModes } from "../practice/practiceModes";
import { useResource } from "../ui/useResource";

export function HomePage() {
  const { t, pick } = useI18n();
  const choice = useChoice();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>();
  const jurisdictions = useResource(() => catalog.jurisdictions(), []);
  const classes = useResource(() => catalog.licenceClasses(choice.jurisdiction), [choice.jurisdiction]);
  const blueprints = useResource(
    () => catalog.blueprints({ jurisdiction: choice.jurisdiction, licence_class: choice.licenceClass }),
    [choice.jurisdiction, choice.licenceClass],
  );
  // A class the jurisdiction does not have (after switching jurisdiction): B when there is one, else the first.
  useEffect(() => {
    const list = classes.data?.items;
    if (classes.loading || !list?.length || list.some((c) => c.code === choice.licenceClass)) return;
    const next = list.find((c) => c.code === "B") ?? list[0];
    choice.choose({ jurisdiction: choice.jurisdiction, licenceClass: next.code });
  }, [classes.data, classes.loading, choice]);
  const inForce: Blueprint | undefined = blueprints.data?.items.find((b) => b.in_force);
  const resumable = currentExamId();

  async function start() {
    setStarting(true);
    setStartError(undefined);
    try {
      const exam = await catalog.startExam(choice.jurisdiction, choice.licenceClass);
      rememberExam(exam.id);
      navigate(`/exam/${exam.id}`, { state: { exam } });
    } catch (error) {
      setStartError(error);
      setStarting(false);
    }
  }

  return (
    <Page title={t("home.title")}>
      <p className="lead">{t("home.lead")}</p>
      {resumable && (
        <div className="notice" role="status">
          {t("home.resume")} <Link to={`/exam/${resumable}`}>{t("home.resumeLink")}</Link>
        </div>
      )}
      <section className="panel" aria-labelledby="choose-title">
        <h2 id="choose-title">{t("home.choose")}</h2>
        <Loaded resource={jurisdictions}>
          {(list) => (
            <div className="form-row">
              <label>
                {t("home.jurisdiction")}
                <select
                  value={choice.jurisdiction}
                  onChange={(e) => choice.choose({ jurisdiction: e.target.value, licenceClass: "" })}
                >
                  {list.items.map((j) => (
                    <option key={j.code} value={j.code}>
                      {pick(j.name)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("home.licenceClass")}
                <select
                  value={choice.licenceClass}
                  onChange={(e) => choice.choose({ jurisdiction: choice.jurisdiction, licenceClass: e.target.value })}
                  disabled={!classes.data}
                >
                  {!choice.licenceClass && <option value="">{t("home.pickClass")}</option>}
                  {classes.data?.items.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} · {pick(c.name)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
        </Loaded>
        {classes.error !== undefined && <InlineError error={classes.error} />}
      </section>

      <section className="panel" aria-labelledby="exam-title">
        <h2 id="exam-title">{t("home.examTitle")}</h2>
        {choice.licenceClass ? (
          <Loaded resource={blueprints}>
            {() =>
              inForce ? (
                <>
                  <BlueprintSummary blueprint={inForce} />
                  <button type="button" className="primary large" onClick={start} disabled={starting}>
                    {starting ? t("status.starting") : t("home.startExam")}
                  </button>
                  <InlineError error={startError} />
                </>
              ) : (
                <p>{t("home.noBlueprint")}</p>
              )
            }
          </Loaded>
        ) : (
          <p>{t("home.pickClassFirst")}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="practice-title">
        <h2 id="practice-title">{t("home.practiceTitle")}</h2>
        <CardLinks
          links={[
            { to: "/practice", label: t("practice.byTopic") },
            ...practiceModes(t),
            { to: "/search", label: t("nav.search") },
          ]}
        />
      </section>
    </Page>
  );
}
