import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useI18n } from "../i18n/i18n";
import { LANGUAGE_KEY } from "../i18n/i18n";
import { renderAt } from "../test/render";
import { Layout } from "./Layout";

function Greeting() {
  const { t } = useI18n();
  return <h1>{t("home.title")}</h1>;
}

describe("Layout", () => {
  it("switches the language, remembers it and sets <html lang>", () => {
    renderAt(
      "/",
      [
        {
          path: "/",
          element: (
            <Layout>
              <Greeting />
            </Layout>
          ),
        },
      ],
      "vi",
    );
    expect(screen.getByRole("heading", { name: "Ôn thi lý thuyết lái xe" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("vi");
    fireEvent.click(screen.getByRole("button", { name: "EN" }));
    expect(screen.getByRole("heading", { name: "Driving theory practice" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "EN" }).getAttribute("aria-pressed")).toBe("true");
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });

  it("offers sign in and registration to visitors, and a skip link", () => {
    renderAt("/", [
      {
        path: "/",
        element: (
          <Layout>
            <Greeting />
          </Layout>
        ),
      },
    ]);
    expect(screen.getByRole("link", { name: "Skip to content" }).getAttribute("href")).toBe("#main");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Register" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "History" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Admin" })).toBeNull();
  });
});
