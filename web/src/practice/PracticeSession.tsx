// A practice session of one kind (topic, all, critical, road signs, random), loading pages as it goes.
import { useCallback, useState } from "react";
import { useParams } from "react-router";
import { catalog } from "../api/catalog";
import type { PracticeQuestion } from "../api/types";
import { useChoice } from "../app/choice";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages.en";
import { Page } from "../ui/Page";
import { Loaded } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { PracticeRunner } from "./PracticeRunner";

export type PracticeMode = "topic" | "all" | "critical" | "road-signs" | "random";

interface Batch {
  items: PracticeQuestion[];
  total: number;
  paged: boolean;
}

const titles: Record<PracticeMode, MessageKey> = {
  topic: "practice.byTopic",
  all: "practice.all",
  critical: "practice.critical",
  "road-signs": "practice.roadSigns",
  random: "practice.random",
};

const PAGE = 20;

async function loadPage(
  mode: PracticeMode,
  jurisdiction: string,
  licenceClass: string,
  topic: string | undefined,
  page: number,
): Promise<Batch> {
  switch (mode) {
    case "critical": {
      const list = await catalog.practiceCritical(jurisdiction, licenceClass);
      return { items: list.items, total: list.items.length, paged: false };
    }
    case "random": {
      const list = await catalog.practiceRandom(jurisdiction, licenceClass, 20);
      return { items: list.items, total: list.items.length, paged: false };
    }
    case "road-signs": {
      const list = await catalog.practiceRoadSigns(jurisdiction, page, PAGE);
      return { items: list.items, total: list.total, paged: true };
    }
    default: {
      const list = await catalog.practiceByTopic(jurisdiction, topic, page, PAGE);
      return { items: list.items, total: list.total, paged: true };
    }
  }
}

export function PracticeSession({ mode }: { mode: PracticeMode }) {
  const { t, pick, lang } = useI18n();
  const { jurisdiction, licenceClass } = useChoice();
  const { topic } = useParams();
  const [page, setPage] = useState(1);
  const first = useResource(() => {
    setPage(1);
    return loadPage(mode, jurisdiction, licenceClass, topic, 1);
  }, [mode, jurisdiction, licenceClass, topic, lang]);
  const topics = useResource(
    () => (mode === "topic" ? catalog.topics(jurisdiction) : Promise.resolve(null)),
    [mode, jurisdiction],
  );
  const topicName = pick(topics.data?.items.find((tp) => tp.code === topic)?.name);
  const { setData } = first;

  const loadMore = useCallback(async () => {
    const next = await loadPage(mode, jurisdiction, licenceClass, topic, page + 1);
    setPage(page + 1);
    setData((old) => ({ ...next, items: [...(old?.items ?? []), ...next.items] }));
  }, [mode, jurisdiction, licenceClass, topic, page, setData]);

  const title = mode === "topic" && topicName ? topicName : t(titles[mode]);
  return (
    <Page title={title}>
      <Loaded resource={first}>
        {(batch) => (
          <PracticeRunner items={batch.items} total={batch.total} loadMore={batch.paged ? loadMore : undefined} />
        )}
      </Loaded>
    </Page>
  );
}
