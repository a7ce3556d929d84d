// Going over mistakes: the questions answered wrong and not yet right since, and the spaced-repetition
// (Leitner) questions due today, each practised in place.
import { useState } from "react";
import { catalog } from "../api/catalog";
import { useI18n } from "../i18n/i18n";
import { PracticeRunner } from "../practice/PracticeRunner";
import { Page } from "../ui/Page";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";

type Tab = "queue" | "mistakes";

export function ReviewPage() {
  const { t, lang } = useI18n();
  const [tab, setTab] = useState<Tab>("queue");
  const queue = useResource(() => catalog.reviewQueue(), [lang]);
  const mistakes = useResource(() => catalog.mistakes(), [lang]);
  const tabs: [Tab, string][] = [
    ["queue", t("review.queue", { n: queue.data?.items.length ?? "…" })],
    ["mistakes", t("review.mistakes", { n: mistakes.data?.items.length ?? "…" })],
  ];
  return (
    <Page title={t("review.title")}>
      <div className="tabs" role="tablist" aria-label={t("review.title")}>
        {tabs.map(([id, label]) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === "queue" ? (
          <Loaded resource={queue}>
            {(list) =>
              list.items.length ? (
                <>
                  <p className="muted">{t("review.queueHelp")}</p>
                  <PracticeRunner items={list.items} total={list.items.length} />
                </>
              ) : (
                <p className="panel">{t("review.queueEmpty")}</p>
              )
            }
          </Loaded>
        ) : (
          <Loaded resource={mistakes}>
            {(list) =>
              list.items.length ? (
                <PracticeRunner items={list.items} total={list.items.length} />
              ) : (
                <p className="panel">{t("review.mistakesEmpty")}</p>
              )
            }
          </Loaded>
        )}
      </div>
    </Page>
  );
}
