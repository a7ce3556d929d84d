import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/http";
import { renderAt } from "../test/render";
import { ErrorView } from "./Status";

const show = (error: unknown) =>
  renderAt("/", [{ path: "/", element: <ErrorView error={error} onRetry={() => undefined} /> }]);

describe("ErrorView", () => {
  it.each([
    [new ApiError("offline", 0, "x"), "You are offline", "Try again"],
    [new ApiError("network", 0, "x"), "The server cannot be reached", "Try again"],
    [new ApiError("http", 401, "x"), "Please sign in", "Sign in"],
    [new ApiError("http", 403, "x"), "Not allowed", "Try again"],
    [new ApiError("http", 404, "x"), "Not found", "Try again"],
    [new ApiError("http", 429, "x", undefined, 30), "Too many requests", "Try again"],
    [new ApiError("http", 502, "x"), "Something went wrong on our side", "Try again"],
    [new Error("boom"), "Something went wrong", "Try again"],
  ])("explains %s", (error, title, action) => {
    show(error);
    expect(screen.getByRole("alert")).toBeTruthy();
    expect(screen.getByRole("heading", { name: title })).toBeTruthy();
    expect(screen.getByRole("button", { name: action })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Home" })).toBeTruthy();
  });

  it("says when to retry after a 429", () => {
    show(new ApiError("http", 429, "x", undefined, 30));
    expect(screen.getByText("You can try again in 30 s.")).toBeTruthy();
  });
});
