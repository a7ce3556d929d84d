// The learner's chosen jurisdiction and licence class, remembered in localStorage.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

export interface Choice {
  jurisdiction: string;
  licenceClass: string;
}

export const CHOICE_KEY = "dt.choice";
const fallback: Choice = { jurisdiction: "vn", licenceClass: "B" };

function saved(): Choice {
  try {
    const value = JSON.parse(localStorage.getItem(CHOICE_KEY) ?? "null") as Choice | null;
    if (value?.jurisdiction && value.licenceClass) return value;
  } catch {
    // a damaged value: the default
  }
  return fallback;
}

interface ChoiceState extends Choice {
  choose(next: Choice): void;
}

const ChoiceContext = createContext<ChoiceState | null>(null);

export function ChoiceProvider({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<Choice>(saved);
  const choose = useCallback((next: Choice) => {
    localStorage.setItem(CHOICE_KEY, JSON.stringify(next));
    setChoice(next);
  }, []);
  const value = useMemo(() => ({ ...choice, choose }), [choice, choose]);
  return <ChoiceContext.Provider value={value}>{children}</ChoiceContext.Provider>;
}

export function useChoice(): ChoiceState {
  const value = useContext(ChoiceContext);
  if (!value) throw new Error("useChoice outside ChoiceProvider");
  return value;
}
