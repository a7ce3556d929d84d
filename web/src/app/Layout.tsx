// The frame of every page: skip link, header with navigation (a menu button on phones), language switch,
// sign in / out, and the main landmark pages render into.
import { useEffect, useState, type ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { languages, useI18n, type Language } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages.en";

const learnerLinks: [string, MessageKey][] = [
  ["/", "nav.home"],
  ["/practice", "nav.practice"],
  ["/search", "nav.search"],
];
const signedInLinks: [string, MessageKey][] = [
  ["/me/history", "nav.history"],
  ["/me/statistics", "nav.statistics"],
  ["/me/review", "nav.review"],
  ["/me/bookmarks", "nav.bookmarks"],
  ["/me/profile", "nav.profile"],
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t("language.label")}>
      {languages.map((code: Language) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lang === code}
          onClick={() => setLang(code)}
          title={t(`language.${code}` as MessageKey)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { user, isAdmin, signIn, signOut } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const links = [...learnerLinks, ...(user ? signedInLinks : [])];
  if (isAdmin) links.push(["/admin", "nav.admin"]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="header-row">
          <NavLink to="/" className="brand" aria-label={t("app.homeLink")}>
            <img src="/favicon.svg" alt="" width="28" height="28" /> DriveTest
          </NavLink>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t("nav.menu")}
          </button>
          <nav id="site-nav" className={menuOpen ? "site-nav open" : "site-nav"} aria-label={t("nav.label")}>
            <ul>
              {links.map(([to, label]) => (
                <li key={to}>
                  <NavLink to={to} end={to === "/"}>
                    {t(label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitch />
            {user ? (
              <>
                <span className="user-name" title={user.email}>
                  {user.name || user.username}
                </span>
                <button type="button" onClick={() => signOut()}>
                  {t("nav.signOut")}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="primary" onClick={() => signIn()}>
                  {t("nav.signIn")}
                </button>
                <NavLink to="/register" className="button">
                  {t("nav.register")}
                </NavLink>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </>
  );
}
