// /auth/callback: finishes the sign-in (code for tokens), applies the profile's language, goes back to where
// the user was.
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { account } from "../api/account";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";
import { Loading } from "../ui/Status";
import { useAuth } from "./AuthProvider";

// One exchange per callback URL, even when React runs the effect twice (development's StrictMode).
const exchanges = new Map<string, Promise<string>>();

export function CallbackPage() {
  const { completeSignIn, signIn } = useAuth();
  const { t, setLang } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const url = window.location.href;
    if (!exchanges.has(url)) exchanges.set(url, completeSignIn(url));
    let live = true;
    exchanges.get(url)!.then(
      async (returnTo) => {
        const profile = await account.me().catch(() => null);
        if (!live) return;
        if (profile) setLang(profile.language);
        navigate(returnTo.startsWith("/auth/") ? "/" : returnTo, { replace: true });
      },
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
  }, [completeSignIn, navigate, setLang]);

  if (!error) return <Loading label={t("auth.signingIn")} />;
  return (
    <Page title={t("auth.failed")}>
      <section className="panel" role="alert">
        <p>{error}</p>
        <button type="button" className="primary" onClick={() => signIn("/")}>
          {t("action.retry")}
        </button>
      </section>
    </Page>
  );
}
