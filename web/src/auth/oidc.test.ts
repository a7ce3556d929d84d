import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubFetch } from "../test/render";
import { OidcClient, SignInError, TOKENS_KEY } from "./oidc";
import { codeChallenge } from "./pkce";

const authority = "http://idp.test/realms/drivetest";
const discovery = {
  authorization_endpoint: `${authority}/protocol/openid-connect/auth`,
  token_endpoint: `${authority}/protocol/openid-connect/token`,
  end_session_endpoint: `${authority}/protocol/openid-connect/logout`,
};

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${part({ alg: "none" })}.${part(claims)}.sig`;
}

let assigned: string[] = [];
beforeEach(() => {
  assigned = [];
  vi.spyOn(window.location, "assign").mockImplementation((url: string | URL) => void assigned.push(String(url)));
});
afterEach(() => vi.unstubAllGlobals());

const client = () => new OidcClient(() => ({ authority, clientId: "drivetest-web", scope: "openid profile email" }));

describe("OidcClient", () => {
  it("signs in with the code flow and PKCE S256, and checks state and nonce", async () => {
    let nonce = "";
    const calls = stubFetch((call) => {
      if (call.path.endsWith("/.well-known/openid-configuration")) return { body: discovery };
      if (call.path.endsWith("/token")) {
        return {
          body: { access_token: jwt({ sub: "u1" }), refresh_token: "r1", id_token: jwt({ nonce }), expires_in: 300 },
        };
      }
      return undefined;
    });
    const oidc = client();
    await oidc.signIn("/me/history", { language: "vi" });
    const url = new URL(assigned[0]);
    expect(url.origin + url.pathname).toBe(discovery.authorization_endpoint);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe("drivetest-web");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("ui_locales")).toBe("vi");
    expect(url.searchParams.get("redirect_uri")).toBe(`${window.location.origin}/auth/callback`);
    const pending = JSON.parse(sessionStorage.getItem("dt.auth.pending")!);
    expect(url.searchParams.get("code_challenge")).toBe(await codeChallenge(pending.verifier));

    // A callback whose state is not ours is refused.
    const bad = `${window.location.origin}/auth/callback?code=c&state=forged`;
    await expect(oidc.completeSignIn(bad)).rejects.toBeInstanceOf(SignInError);

    await oidc.signIn("/me/history");
    const { state } = JSON.parse(sessionStorage.getItem("dt.auth.pending")!);
    nonce = JSON.parse(sessionStorage.getItem("dt.auth.pending")!).nonce;
    const returnTo = await oidc.completeSignIn(`${window.location.origin}/auth/callback?code=c1&state=${state}`);
    expect(returnTo).toBe("/me/history");
    const exchange = calls.filter((c) => c.path.endsWith("/token")).pop()!;
    const form = new URLSearchParams(String(exchange.body));
    expect(form.get("grant_type")).toBe("authorization_code");
    expect(form.get("code")).toBe("c1");
    expect(form.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(oidc.tokens()?.refresh_token).toBe("r1");
  });

  it("refreshes with the refresh token, and uses what another tab refreshed meanwhile", async () => {
    const calls = stubFetch((call) => {
      if (call.path.endsWith("/.well-known/openid-configuration")) return { body: discovery };
      if (call.path.endsWith("/token")) return { body: { access_token: "a2", refresh_token: "r2", expires_in: 300 } };
      return undefined;
    });
    localStorage.setItem(
      TOKENS_KEY,
      JSON.stringify({ access_token: "a1", refresh_token: "r1", expires_at: Date.now() - 1 }),
    );
    const oidc = client();
    expect((await oidc.refresh("a1"))?.access_token).toBe("a2");
    expect(new URLSearchParams(String(calls.pop()!.body)).get("refresh_token")).toBe("r1");

    // The stale token is no longer the stored one and the stored one is fresh: no second refresh.
    const before = calls.length;
    expect((await oidc.refresh("a1"))?.access_token).toBe("a2");
    expect(calls.length).toBe(before);
  });

  it("forgets the session when the refresh token is refused", async () => {
    stubFetch((call) => {
      if (call.path.endsWith("/.well-known/openid-configuration")) return { body: discovery };
      return { status: 400, body: { error: "invalid_grant", error_description: "Session not active" } };
    });
    localStorage.setItem(TOKENS_KEY, JSON.stringify({ access_token: "a1", refresh_token: "r1", expires_at: 0 }));
    const oidc = client();
    expect(await oidc.refresh("a1")).toBeNull();
    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
  });

  it("signs out at the identity provider with the id token as a hint", async () => {
    stubFetch(() => ({ body: discovery }));
    localStorage.setItem(TOKENS_KEY, JSON.stringify({ access_token: "a1", id_token: "id1", expires_at: 0 }));
    await client().signOut();
    const url = new URL(assigned[0]);
    expect(url.origin + url.pathname).toBe(discovery.end_session_endpoint);
    expect(url.searchParams.get("id_token_hint")).toBe("id1");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${window.location.origin}/`);
    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
  });
});
