// An exam being taken: loads (or resumes) it, records answers and flags in order, keeps what could not be
// saved for a retry, and submits once every save has settled.
import { useCallback, useEffect, useRef, useState } from "react";
import { catalog } from "../api/catalog";
import { ApiError } from "../api/http";
import type { Answer, Exam, ExamResult } from "../api/types";
import { forgetExam } from "./examStorage";

export interface ExamSession {
  exam: Exam | null;
  /** performance.now() when the exam document arrived: the countdown's reference. */
  receivedAt: number;
  loadError: unknown;
  saveError: unknown;
  unsaved: number[];
  saving: boolean;
  reload(): void;
  setAnswer(position: number, answer: Answer | null): void;
  /** Records the answers not yet saved (after a failure, or in an exam without revisits). */
  saveNow(): Promise<boolean>;
  setFlag(position: number, flagged: boolean): void;
  submit(): Promise<ExamResult>;
}

export function useExamSession(id: string, initial?: Exam): ExamSession {
  const [exam, setExam] = useState<Exam | null>(initial ?? null);
  const [receivedAt, setReceivedAt] = useState(() => performance.now());
  const [loadError, setLoadError] = useState<unknown>();
  const [saveError, setSaveError] = useState<unknown>();
  const [unsaved, setUnsaved] = useState<number[]>([]);
  const [pending, setPending] = useState(0);
  const [attempt, setAttempt] = useState(initial ? -1 : 0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<Map<number, Answer>>(new Map());

  useEffect(() => {
    if (attempt < 0) return;
    let live = true;
    setLoadError(undefined);
    catalog.exam(id).then(
      (doc) => {
        if (!live) return;
        setExam(doc);
        setReceivedAt(performance.now());
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);

  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    setPending((n) => n + 1);
    const run = queue.current.then(work, work);
    queue.current = run.catch(() => undefined).finally(() => setPending((n) => n - 1));
    return run;
  }, []);

  const record = useCallback(
    (position: number, answer: Answer) =>
      enqueue(async () => {
        if (latest.current.get(position) !== answer) return; // a newer answer for this question is queued
        try {
          await catalog.answer(id, position, answer);
          setUnsaved((list) => list.filter((p) => p !== position));
          setSaveError(undefined);
        } catch (error) {
          setUnsaved((list) => (list.includes(position) ? list : [...list, position]));
          setSaveError(error);
          throw error;
        }
      }),
    [enqueue, id],
  );

  const setAnswer = useCallback(
    (position: number, answer: Answer | null) => {
      if (!answer) return; // an exam answer can be changed, not taken back
      latest.current.set(position, answer);
      setExam(
        (old) =>
          old && {
            ...old,
            questions: old.questions.map((q) => (q.position === position ? { ...q, answer } : q)),
            answered_count: old.questions.filter((q) => (q.position === position ? true : q.answer)).length,
          },
      );
      if (exam?.navigation.revisit === false) {
        setUnsaved((list) => (list.includes(position) ? list : [...list, position]));
        return;
      }
      record(position, answer).catch(() => undefined);
    },
    [exam?.navigation.revisit, record],
  );

  const saveNow = useCallback(async () => {
    const positions = [...unsaved];
    const results = await Promise.allSettled(
      positions.map((p) => {
        const answer = latest.current.get(p);
        return answer ? record(p, answer) : Promise.resolve();
      }),
    );
    return results.every((r) => r.status === "fulfilled");
  }, [unsaved, record]);

  const setFlag = useCallback(
    (position: number, flagged: boolean) => {
      setExam(
        (old) =>
          old && { ...old, questions: old.questions.map((q) => (q.position === position ? { ...q, flagged } : q)) },
      );
      enqueue(() => catalog.flag(id, position, flagged)).catch((error: unknown) => {
        setSaveError(error);
        setExam(
          (old) =>
            old && {
              ...old,
              questions: old.questions.map((q) => (q.position === position ? { ...q, flagged: !flagged } : q)),
            },
        );
      });
    },
    [enqueue, id],
  );

  const submit = useCallback(async () => {
    await queue.current;
    try {
      const result = await catalog.submit(id);
      forgetExam(id);
      return result;
    } catch (error) {
      // Submitted meanwhile (another tab) or graded at the deadline: the result is there.
      if (error instanceof ApiError && error.status === 409) {
        const result = await catalog.result(id);
        forgetExam(id);
        return result;
      }
      throw error;
    }
  }, [id]);

  const reload = useCallback(() => setAttempt((n) => Math.max(0, n) + 1), []);

  return {
    exam,
    receivedAt,
    loadError,
    saveError,
    unsaved,
    saving: pending > 0,
    reload,
    setAnswer,
    saveNow,
    setFlag,
    submit,
  };
}
