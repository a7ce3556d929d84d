// Start-up: render the app with its providers while /config.json loads.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app/App";
import { ChoiceProvider } from "./app/choice";
import { config, loadConfig } from "./app/config";
import { setTokenSource } from "./api/http";
import { AuthProvider, tokenSourceFor } from "./auth/AuthProvider";
import { OidcClient } from "./auth/oidc";
import { I18nProvider, useI18n } from "./i18n/i18n";
import "./styles/app.css";

function WithAuth({ client }: { client: OidcClient }) {
  const { lang } = useI18n();
  return (
    <AuthProvider client={client} language={lang}>
      <ChoiceProvider>
        <App />
      </ChoiceProvider>
    </AuthProvider>
  );
}

// The page renders at once; /config.json arrives meanwhile (it matters only for signing in and media).
const configured = loadConfig();

function start() {
  const client = new OidcClient(() => {
    const { authority, clientId, scope } = config();
    return { authority, clientId, scope };
  }, configured);
  setTokenSource(tokenSourceFor(client));
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <BrowserRouter>
        <I18nProvider>
          <WithAuth client={client} />
        </I18nProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}

start();
