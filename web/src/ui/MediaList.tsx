// A question's images (and videos), loaded from the media addresses the configuration names (the object store
// first, then the fallback); a picture found nowhere says so instead of showing a broken image.
import { useState } from "react";
import { mediaUrls } from "../app/config";
import type { Media } from "../api/types";
import { useI18n } from "../i18n/i18n";

function MediaItem({ media, alt }: { media: Media; alt: string }) {
  const { t } = useI18n();
  const urls = mediaUrls(media.key);
  const [attempt, setAttempt] = useState(0);
  if (attempt >= urls.length) return <p className="media-missing">{t("media.missing")}</p>;
  const next = () => setAttempt((n) => n + 1);
  if (media.kind === "video") {
    return (
      <video key={attempt} controls preload="metadata" src={urls[attempt]} onError={next}>
        {alt}
      </video>
    );
  }
  return <img key={attempt} src={urls[attempt]} alt={alt} decoding="async" onError={next} />;
}

export function MediaList({ media, label }: { media: Media[]; label: string }) {
  const { t } = useI18n();
  if (!media.length) return null;
  return (
    <div className="media">
      {media.map((m, i) => (
        <MediaItem key={m.key} media={m} alt={media.length > 1 ? t("media.altNumbered", { label, n: i + 1 }) : label} />
      ))}
    </div>
  );
}
