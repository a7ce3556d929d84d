// The signed-in user as the access token describes them.
import { jwtClaims } from "./pkce";

export interface User {
  id: string;
  username: string;
  name: string;
  email: string;
  roles: string[];
}

export function userFromToken(accessToken: string): User {
  const claims = jwtClaims(accessToken);
  const realm = claims.realm_access as { roles?: string[] } | undefined;
  const username = String(claims.preferred_username ?? "");
  return {
    id: String(claims.sub ?? ""),
    username,
    name: String(claims.name ?? username),
    email: String(claims.email ?? ""),
    roles: realm?.roles ?? [],
  };
}
