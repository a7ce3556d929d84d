import { describe, expect, it } from "vitest";
import { codeChallenge, jwtClaims, randomToken } from "./pkce";

describe("pkce", () => {
  it("computes the RFC 7636 appendix B challenge", async () => {
    expect(await codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("makes URL-safe random verifiers of 43 characters", () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });

  it("reads JWT claims, UTF-8 included", () => {
    const payload = btoa(String.fromCharCode(...new TextEncoder().encode('{"name":"Lê Văn","exp":5}')))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    expect(jwtClaims(`x.${payload}.y`)).toEqual({ name: "Lê Văn", exp: 5 });
  });
});
