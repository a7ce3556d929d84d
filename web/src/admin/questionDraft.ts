// The question editor's draft: an empty question, the languages it is written in, and the clean-up before
// saving (empty translations dropped, options only for choice questions, the key only for numeric ones).
import type { BankQuestion, Localized } from "../api/types";

const preferred = ["vi", "de", "en"];
const rank = (code: string) => (preferred.includes(code) ? preferred.indexOf(code) : preferred.length);

/** The languages a question is written in (its jurisdiction's when new), the national one first. */
export function languagesOf(question: BankQuestion): string[] {
  const used = Object.keys(question.text).filter((code) => question.text[code]);
  const languages = used.length
    ? [...new Set([...used, "en"])]
    : question.jurisdiction === "de"
      ? ["de", "en"]
      : ["vi", "en"];
  return languages.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const blank = (languages: string[]): Localized => Object.fromEntries(languages.map((code) => [code, ""]));

export function emptyQuestion(jurisdiction = "vn"): BankQuestion {
  const languages = jurisdiction === "de" ? ["de", "en"] : ["vi", "en"];
  return {
    external_id: "",
    jurisdiction,
    topic: "",
    kind: "choice",
    text: blank(languages),
    options: [
      { text: blank(languages), correct: true },
      { text: blank(languages), correct: false },
    ],
    numeric_answer: null,
    explanation: blank(languages),
    media: [],
    weight: 1,
    critical: false,
    pools: [],
    tags: [],
    shuffle_options: true,
    group: null,
    status: "draft",
  };
}

function filled(text: Localized): Localized {
  return Object.fromEntries(Object.entries(text).filter(([, value]) => value.trim() !== ""));
}

/** The body for POST / PUT: the bank format, without what the catalogue assigns. */
export function toSavable(question: BankQuestion): BankQuestion {
  const { id: _id, revision: _revision, ...rest } = question;
  const out: BankQuestion = {
    ...rest,
    external_id: rest.external_id.trim(),
    text: filled(rest.text),
    explanation: filled(rest.explanation),
    options: rest.kind === "choice" ? rest.options.map((o) => ({ ...o, text: filled(o.text) })) : [],
    pools: rest.pools.filter(Boolean),
    tags: rest.tags.filter(Boolean),
  };
  if (rest.kind === "choice") delete out.numeric_answer;
  else out.numeric_answer = rest.numeric_answer ?? { value: 0, tolerance: 0 };
  return out;
}

/** "a, b ,c" -> ["a", "b", "c"] */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}
