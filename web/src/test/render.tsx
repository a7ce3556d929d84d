// Test helpers: render a page inside the app's providers at a route, and a fetch stub answering by method
// and path.
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { vi } from "vitest";
import { setTokenSource } from "../api/http";
import { ChoiceProvider } from "../app/choice";
import { AuthProvider, tokenSourceFor } from "../auth/AuthProvider";
import { OidcClient } from "../auth/oidc";
import { I18nProvider, type Language } from "../i18n/i18n";

export function renderAt(path: string, routes: { path: string; element: ReactNode }[], lang: Language = "en") {
  const client = new OidcClient(() => ({
    authority: "http://idp.test/realms/drivetest",
    clientId: "drivetest-web",
    scope: "openid",
  }));
  setTokenSource(tokenSourceFor(client));
  return render(
    <MemoryRouter initialEntries={[path]}>
      <I18nProvider initial={lang}>
        <AuthProvider client={client} language={lang}>
          <ChoiceProvider>
            <Routes>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Routes>
          </ChoiceProvider>
        </AuthProvider>
      </I18nProvider>
    </MemoryRouter>,
  );
}

export interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (call: Call) => { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

/** Stubs fetch: each call goes to `handler` ("METHOD /path" known from call); the calls are recorded. */
export function stubFetch(handler: Handler) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://app.test");
    const call: Call = {
      method: init?.method ?? "GET",
      path: url.pathname + url.search,
      body: typeof init?.body === "string" && init.body.startsWith("{") ? JSON.parse(init.body) : init?.body,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const answer = handler(call) ?? { status: 404, body: { title: "Not Found", status: 404, detail: "no stub" } };
    const status = answer.status ?? 200;
    const problem = status >= 400;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: { "Content-Type": problem ? "application/problem+json" : "application/json", ...answer.headers },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}
