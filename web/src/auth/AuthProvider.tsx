// The session for the whole app: who is signed in, sign in / out, and the silent refresh a minute before the
// access token expires. API calls get their token from tokenSourceFor (installed before the first render).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { TokenSource } from "../api/http";
import { OidcClient, REFRESH_MARGIN_MS, type TokenSet } from "./oidc";
import { userFromToken, type User } from "./user";

export interface Auth {
  user: User | null;
  isAdmin: boolean;
  signIn(returnTo?: string, loginHint?: string): Promise<void>;
  signOut(): Promise<void>;
  completeSignIn(url: string): Promise<string>;
}

const AuthContext = createContext<Auth | null>(null);

/** Access tokens for API calls: refreshed first when about to expire, refreshed once more after a 401. */
export function tokenSourceFor(client: OidcClient): TokenSource {
  return {
    async accessToken() {
      const now = client.tokens();
      if (!now) return null;
      if (now.expires_at - Date.now() > REFRESH_MARGIN_MS / 2) return now.access_token;
      try {
        return (await client.refresh(now.access_token))?.access_token ?? null;
      } catch {
        return now.access_token; // the identity provider is unreachable: let the API judge the token
      }
    },
    async refreshAfterRejection() {
      const now = client.tokens();
      if (!now) return false;
      try {
        return (await client.refresh(now.access_token)) !== null;
      } catch {
        return false;
      }
    },
  };
}

function currentUser(tokens: TokenSet | null): User | null {
  if (!tokens) return null;
  try {
    return userFromToken(tokens.access_token);
  } catch {
    return null;
  }
}

export function AuthProvider({
  client,
  language,
  children,
}: {
  client: OidcClient;
  language: string;
  children: ReactNode;
}) {
  const [tokens, setTokens] = useState<TokenSet | null>(() => client.tokens());

  useEffect(() => client.onChange(() => setTokens(client.tokens())), [client]);

  // Silent refresh: a minute before the access token expires (Keycloak's are valid 5 minutes).
  useEffect(() => {
    if (!tokens?.refresh_token) return;
    const delay = Math.max(1_000, tokens.expires_at - Date.now() - REFRESH_MARGIN_MS);
    const timer = window.setTimeout(() => {
      client.refresh(tokens.access_token).catch(() => undefined);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [client, tokens]);

  const value = useMemo<Auth>(() => {
    const user = currentUser(tokens);
    return {
      user,
      isAdmin: !!user?.roles.includes("admin"),
      signIn: (returnTo, loginHint) =>
        client.signIn(returnTo ?? window.location.pathname + window.location.search, { language, loginHint }),
      signOut: () => client.signOut(),
      completeSignIn: (url) => client.completeSignIn(url),
    };
  }, [client, tokens, language]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}
