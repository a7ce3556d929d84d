import { afterEach, describe, expect, it, vi } from "vitest";
import { stubFetch } from "../test/render";
import { ApiError, api, setTokenSource, withQuery } from "./http";

afterEach(() => {
  vi.unstubAllGlobals();
  setTokenSource({ accessToken: async () => null, refreshAfterRejection: async () => false });
});

describe("api", () => {
  it("builds query strings without empty values", () => {
    expect(withQuery("/x", { a: 1, b: "", c: undefined, d: "é" })).toBe("/x?a=1&d=%C3%A9");
  });

  it("turns a problem document into an ApiError with its detail and Retry-After", async () => {
    stubFetch(() => ({
      status: 429,
      body: { title: "Too Many Requests", status: 429, detail: "slow down" },
      headers: { "Retry-After": "7" },
    }));
    const error = await api.get("/api/catalog/jurisdictions").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: "http", status: 429, message: "slow down", retryAfter: 7 });
  });

  it("tells offline from an unreachable server", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const online = vi.spyOn(navigator, "onLine", "get");
    online.mockReturnValue(false);
    await expect(api.get("/x")).rejects.toMatchObject({ kind: "offline", status: 0 });
    online.mockReturnValue(true);
    await expect(api.get("/x")).rejects.toMatchObject({ kind: "network", status: 0 });
  });

  it("sends the access token, and after a 401 refreshes once and retries", async () => {
    let token = "old";
    const refresh = vi.fn(async () => {
      token = "new";
      return true;
    });
    setTokenSource({ accessToken: async () => token, refreshAfterRejection: refresh });
    const calls = stubFetch((call) =>
      call.headers.Authorization === "Bearer new" ? { body: { ok: true } } : { status: 401, body: { status: 401 } },
    );
    await expect(api.get("/api/catalog/me/history")).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.headers.Authorization)).toEqual(["Bearer old", "Bearer new"]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("refuses a signed-in-only call without a session, without calling the server", async () => {
    const calls = stubFetch(() => ({ body: {} }));
    await expect(api.get("/api/catalog/me/history", { auth: "required" })).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(0);
  });
});
