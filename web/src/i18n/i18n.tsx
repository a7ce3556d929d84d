// Vietnamese and English: the language chosen (remembered in localStorage), the dictionary lookup t() with
// {name} placeholders, and date / number formats. The catalogue's own texts come in the language asked for.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Localized } from "../api/types";
import { en, type MessageKey } from "./messages.en";
import { vi } from "./messages.vi";

export type Language = "vi" | "en";
export const languages: Language[] = ["vi", "en"];
export const LANGUAGE_KEY = "dt.language";

const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };
const locales: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t: Translate;
  /** The text of a localized catalogue value in the current language, else English, else any. */
  pick(text: Localized | undefined | null): string;
  formatDate(iso: string, withTime?: boolean): string;
  formatNumber(value: number): string;
}

export function initialLanguage(): Language {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(LANGUAGE_KEY) : null;
  if (saved === "vi" || saved === "en") return saved;
  const preferred = typeof navigator !== "undefined" ? (navigator.languages ?? [navigator.language]) : [];
  for (const tag of preferred) {
    const code = tag.slice(0, 2).toLowerCase();
    if (code === "vi" || code === "en") return code;
  }
  return "vi";
}

export function translate(lang: Language): Translate {
  const dictionary = dictionaries[lang];
  return (key, values) => {
    const text = dictionary[key] ?? en[key] ?? key;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

let activeLanguage: Language = "vi";
/** The current language for code outside React (API calls add ?lang=). */
export function currentLanguage(): Language {
  return activeLanguage;
}

const I18nContext = createContext<I18n | null>(null);

export function makeI18n(lang: Language, setLang: (lang: Language) => void): I18n {
  const locale = locales[lang];
  return {
    lang,
    setLang,
    t: translate(lang),
    pick: (text) => (text ? (text[lang] ?? text.en ?? Object.values(text)[0] ?? "") : ""),
    formatDate: (iso, withTime = true) =>
      new Date(iso).toLocaleString(
        locale,
        withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" },
      ),
    formatNumber: (value) => value.toLocaleString(locale),
  };
}

export function I18nProvider({ initial, children }: { initial?: Language; children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initial ?? initialLanguage);
  activeLanguage = lang;
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
