// OpenID Connect for a public client: authorization code flow with PKCE (S256), refresh with rotation, logout.
// Tokens live in localStorage so every tab shares one session; refreshes are serialised across tabs with the
// Web Locks API, because Keycloak rotates refresh tokens (a second refresh with the same token would fail).
import { codeChallenge, jwtClaims, randomToken } from "./pkce";

export interface OidcSettings {
  authority: string;
  clientId: string;
  scope: string;
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  /** Epoch milliseconds. */
  expires_at: number;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export const TOKENS_KEY = "dt.auth.tokens";
const PENDING_KEY = "dt.auth.pending";
const LOCK_NAME = "dt.auth.refresh";
/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 60_000;

export class SignInError extends Error {}

export function callbackUrl(): string {
  return `${window.location.origin}/auth/callback`;
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? locks.request(LOCK_NAME, work) : work();
}

export class OidcClient {
  private discovered?: Promise<Discovery>;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly settingsOf: () => OidcSettings,
    private readonly ready: Promise<unknown> = Promise.resolve(),
  ) {
    window.addEventListener("storage", (event) => {
      if (event.key === TOKENS_KEY) this.emit();
    });
  }

  private get settings(): OidcSettings {
    return this.settingsOf();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  tokens(): TokenSet | null {
    try {
      const text = localStorage.getItem(TOKENS_KEY);
      return text ? (JSON.parse(text) as TokenSet) : null;
    } catch {
      return null;
    }
  }

  private store(tokens: TokenSet | null): void {
    if (tokens) localStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    else localStorage.removeItem(TOKENS_KEY);
    this.emit();
  }

  private discovery(): Promise<Discovery> {
    this.discovered ??= this.ready
      .then(() => fetch(`${this.settings.authority}/.well-known/openid-configuration`))
      .then(async (r) => {
        if (!r.ok) throw new Error(`identity provider answered ${r.status}`);
        return (await r.json()) as Discovery;
      });
    this.discovered.catch(() => (this.discovered = undefined));
    return this.discovered;
  }

  /** Redirects to the identity provider's login page; comes back to /auth/callback. */
  async signIn(returnTo: string, options: { language?: string; loginHint?: string } = {}): Promise<void> {
    const endpoints = await this.discovery();
    const pending: PendingSignIn = { state: randomToken(), nonce: randomToken(), verifier: randomToken(48), returnTo };
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const params = new URLSearchParams({
      response_type: "code",
      client_id: this.settings.clientId,
      redirect_uri: callbackUrl(),
      scope: this.settings.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await codeChallenge(pending.verifier),
      code_challenge_method: "S256",
    });
    if (options.language) params.set("ui_locales", options.language);
    if (options.loginHint) params.set("login_hint", options.loginHint);
    window.location.assign(`${endpoints.authorization_endpoint}?${params}`);
  }

  /** Exchanges the code of the callback URL for tokens; returns where the user was going. */
  async completeSignIn(url: string): Promise<string> {
    const query = new URL(url).searchParams;
    const pendingText = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    if (query.get("error")) throw new SignInError(query.get("error_description") || query.get("error") || "");
    if (!pendingText) throw new SignInError("no sign-in was started in this tab");
    const pending = JSON.parse(pendingText) as PendingSignIn;
    if (query.get("state") !== pending.state) throw new SignInError("the sign-in answer does not match (state)");
    const code = query.get("code");
    if (!code) throw new SignInError("the sign-in answer has no code");
    const tokens = await this.tokenRequest({
      grant_type: "authorization_code",
      code,
      redirect_uri: callbackUrl(),
      code_verifier: pending.verifier,
    });
    if (tokens.id_token && jwtClaims(tokens.id_token).nonce !== pending.nonce) {
      throw new SignInError("the sign-in answer does not match (nonce)");
    }
    this.store(tokens);
    return pending.returnTo || "/";
  }

  private async tokenRequest(form: Record<string, string>): Promise<TokenSet> {
    const endpoints = await this.discovery();
    const response = await fetch(endpoints.token_endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...form, client_id: this.settings.clientId }),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      throw new SignInError(
        String(body.error_description ?? body.error ?? `token endpoint answered ${response.status}`),
      );
    }
    return {
      access_token: String(body.access_token),
      refresh_token: body.refresh_token ? String(body.refresh_token) : undefined,
      id_token: body.id_token ? String(body.id_token) : undefined,
      expires_at: Date.now() + Number(body.expires_in ?? 300) * 1000,
    };
  }

  /**
   * A fresh access token from the refresh token. `stale` is the token a caller found too old or rejected: when
   * another tab has refreshed meanwhile, its newer tokens are used instead. Null when the session is over (the
   * tokens are then removed); throws when the identity provider cannot be reached (the tokens are kept).
   */
  async refresh(stale?: string): Promise<TokenSet | null> {
    return withRefreshLock(async () => {
      const current = this.tokens();
      if (!current?.refresh_token) return null;
      if (stale && current.access_token !== stale && current.expires_at - Date.now() > REFRESH_MARGIN_MS / 2) {
        return current;
      }
      try {
        const next = await this.tokenRequest({ grant_type: "refresh_token", refresh_token: current.refresh_token });
        this.store({ ...next, id_token: next.id_token ?? current.id_token });
        return this.tokens();
      } catch (error) {
        if (error instanceof SignInError) {
          this.store(null);
          return null;
        }
        throw error;
      }
    });
  }

  /** Forgets the tokens and ends the identity provider's session, coming back to the home page. */
  async signOut(): Promise<void> {
    const tokens = this.tokens();
    this.store(null);
    const endpoints = await this.discovery().catch(() => undefined);
    if (!endpoints?.end_session_endpoint) {
      window.location.assign("/");
      return;
    }
    const params = new URLSearchParams({
      client_id: this.settings.clientId,
      post_logout_redirect_uri: `${window.location.origin}/`,
    });
    if (tokens?.id_token) params.set("id_token_hint", tokens.id_token);
    window.location.assign(`${endpoints.end_session_endpoint}?${params}`);
  }

  /** Drops the local tokens only (used when the session turned out to be over). */
  forget(): void {
    this.store(null);
  }
}
