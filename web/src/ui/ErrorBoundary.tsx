// Last line of defence: a rendering error (or a chunk that failed to load while offline) shows a message and
// a reload button instead of a blank page.
import { Component, type ReactNode } from "react";
import { translate, currentLanguage } from "../i18n/i18n";

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    const t = translate(currentLanguage());
    return (
      <section className="panel error-view" role="alert">
        <h1>{t("error.generic.title")}</h1>
        <p>{t("error.generic.body")}</p>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t("action.reload")}
        </button>
      </section>
    );
  }
}
