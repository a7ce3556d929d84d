// Practice: by topic (chapter), critical questions, road signs, a random set of the class's exam pool.
import { Link } from "react-router";
import { catalog } from "../api/catalog";
import { useChoice } from "../app/choice";
import { useI18n } from "../i18n/i18n";
import { CardLinks } from "../ui/CardLinks";
import { Page } from "../ui/Page";
import { practiceModes } from "./practiceModes";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";

export function PracticeHub() {
  const { t, pick } = useI18n();
  const { jurisdiction, licenceClass } = useChoice();
  const topics = useResource(() => catalog.topics(jurisdiction), [jurisdiction]);
  return (
    <Page title={t("practice.title")}>
      <p className="muted">{t("practice.for", { jurisdiction, licenceClass })}</p>
      <section className="panel" aria-labelledby="modes-title">
        <h2 id="modes-title">{t("practice.modes")}</h2>
        <CardLinks links={[...practiceModes(t), { to: "/practice/all", label: t("practice.all") }]} />
      </section>
      <section className="panel" aria-labelledby="topics-title">
        <h2 id="topics-title">{t("practice.byTopic")}</h2>
        <Loaded resource={topics}>
          {(list) => (
            <ol className="topic-list">
              {list.items.map((topic) => (
                <li key={topic.code}>
                  <Link to={`/practice/topic/${encodeURIComponent(topic.code)}`}>{pick(topic.name)}</Link>
                </li>
              ))}
            </ol>
          )}
        </Loaded>
      </section>
    </Page>
  );
}
