// Loading and error states every screen shows instead of a blank page: offline, 401 (sign in), 403, 404, 429,
// server errors, each with a way forward (retry, sign in, home).
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/http";
import { useAuth } from "../auth/AuthProvider";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages.en";
import type { Resource } from "./useResource";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("status.loading")}
    </div>
  );
}

interface Explained {
  title: MessageKey;
  body: MessageKey;
  signIn?: boolean;
}

export function explain(error: unknown): Explained {
  if (error instanceof ApiError) {
    if (error.kind === "offline") return { title: "error.offline.title", body: "error.offline.body" };
    if (error.kind === "network") return { title: "error.network.title", body: "error.network.body" };
    if (error.status === 401) return { title: "error.401.title", body: "error.401.body", signIn: true };
    if (error.status === 403) return { title: "error.403.title", body: "error.403.body" };
    if (error.status === 404) return { title: "error.404.title", body: "error.404.body" };
    if (error.status === 429) return { title: "error.429.title", body: "error.429.body" };
    if (error.status >= 500) return { title: "error.5xx.title", body: "error.5xx.body" };
  }
  return { title: "error.generic.title", body: "error.generic.body" };
}

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const explained = explain(error);
  const detail = error instanceof ApiError ? error.problem?.detail : undefined;
  const wait = error instanceof ApiError ? error.retryAfter : undefined;
  return (
    <section className="panel error-view" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{t(explained.title)}</h2>
      <p>{t(explained.body)}</p>
      {wait !== undefined && <p>{t("error.retryAfter", { seconds: wait })}</p>}
      {detail && <p className="muted">{detail}</p>}
      <div className="actions">
        {explained.signIn && (
          <button type="button" className="primary" onClick={() => signIn()}>
            {t("nav.signIn")}
          </button>
        )}
        {onRetry && !explained.signIn && (
          <button type="button" className="primary" onClick={onRetry}>
            {t("action.retry")}
          </button>
        )}
        <Link to="/" className="button">
          {t("nav.home")}
        </Link>
      </div>
    </section>
  );
}

/** Renders the loading state, the error state, or the data. */
export function Loaded<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  if (resource.error !== undefined) return <ErrorView error={resource.error} onRetry={resource.reload} />;
  if (resource.loading && resource.data === undefined) return <Loading />;
  if (resource.data === undefined) return <Loading />;
  return <>{children(resource.data)}</>;
}

/** A short inline message for a failed action (save, submit...). */
export function InlineError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  const explained = explain(error);
  const detail = error instanceof ApiError && error.status < 500 && error.status !== 0 ? error.message : undefined;
  return (
    <p className="inline-error" role="alert">
      {t(explained.title)}
      {detail ? `: ${detail}` : ""}
    </p>
  );
}
