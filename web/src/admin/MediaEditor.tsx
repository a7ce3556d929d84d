// A question's images: upload to the File service (the answer's storage key goes into the question), add an
// existing key by hand, remove.
import { useId, useState } from "react";
import type { Media } from "../api/types";
import { MediaList } from "../ui/MediaList";
import { InlineError } from "../ui/Status";
import { admin } from "./adminApi";
import { useAdminT } from "./messages";

export function MediaEditor({ media, onChange }: { media: Media[]; onChange(media: Media[]): void }) {
  const a = useAdminT();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key, setKey] = useState("");

  async function upload(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const stored = await admin.upload(file);
      onChange([...media, { key: stored.key, kind: file.type.startsWith("video/") ? "video" : "image" }]);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="field">
      <legend>{a("field.media")}</legend>
      {media.map((m, i) => (
        <div key={`${m.key}-${i}`} className="media-row">
          <MediaList media={[m]} label={m.key} />
          <code>{m.key}</code>
          <button type="button" className="danger" onClick={() => onChange(media.filter((_, j) => j !== i))}>
            {a("media.remove")}
          </button>
        </div>
      ))}
      <label htmlFor={`${id}-file`}>{a("media.upload")}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/svg+xml"
        disabled={busy}
        onChange={(e) => {
          void upload(e.target.files);
          e.target.value = "";
        }}
      />
      {busy && <p role="status">{a("media.uploading")}</p>}
      <InlineError error={error} />
      <div className="form-row">
        <label>
          {a("media.key")}
          <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="signs/vn/p-102.png" />
        </label>
        <button
          type="button"
          disabled={!key.trim()}
          onClick={() => {
            onChange([...media, { key: key.trim(), kind: "image" }]);
            setKey("");
          }}
        >
          {a("media.addKey")}
        </button>
      </div>
    </fieldset>
  );
}
