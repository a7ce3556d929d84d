// Taking a mock exam: countdown from the server's time, question grid (answered / flagged), flag and revisit
// where the format allows, progress bar, confirmation before submitting, automatic submit at the deadline,
// resumption after a reload (the exam id is in the URL and in localStorage).
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import type { Exam } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Dialog } from "../ui/Dialog";
import { MediaList } from "../ui/MediaList";
import { ProgressBar } from "../ui/ProgressBar";
import { ErrorView, InlineError, Loading } from "../ui/Status";
import { AnswerInput } from "./AnswerInput";
import { rememberExam } from "./examStorage";
import { ExamTimer } from "./ExamTimer";
import { QuestionGrid, type GridCell } from "./QuestionGrid";
import { useCountdown } from "./useCountdown";
import { useExamSession } from "./useExamSession";

const positionKey = (id: string) => `dt.exam.position.${id}`;

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return (
    element.tagName === "TEXTAREA" || (element.tagName === "INPUT" && (element as HTMLInputElement).type === "text")
  );
}

export function ExamPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const initial = (location.state as { exam?: Exam } | null)?.exam;
  const session = useExamSession(id, initial?.id === id ? initial : undefined);
  const { exam } = session;
  const { t } = useI18n();
  const navigate = useNavigate();
  const [position, setPosition] = useState(() => Number(sessionStorage.getItem(positionKey(id))) || 1);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>();
  const autoSubmitted = useRef(false);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const left = useCountdown(exam?.status === "in_progress" ? exam.remaining_seconds : undefined, session.receivedAt);

  useEffect(() => {
    document.title = `${t("exam.title")} · DriveTest`;
  }, [t]);
  useEffect(() => sessionStorage.setItem(positionKey(id), String(position)), [id, position]);
  // The exam handed over by the start page is used once: after a reload the server's current state counts.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const finished = !!exam && (exam.status !== "in_progress" || !!exam.result);
  useEffect(() => {
    if (exam?.status === "in_progress") rememberExam(exam.id);
    if (finished) navigate(`/exam/${id}/result`, { replace: true });
  }, [exam, finished, id, navigate]);

  const submit = useCallback(async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const result = await session.submit();
      sessionStorage.removeItem(positionKey(id));
      navigate(`/exam/${id}/result`, { state: { result }, replace: true });
    } catch (error) {
      setSubmitError(error);
      setSubmitting(false);
    }
  }, [session, id, navigate]);

  // At the deadline the exam is submitted without asking (the server still accepts it for 5 s).
  useEffect(() => {
    if (left === 0 && !autoSubmitted.current && exam?.status === "in_progress") {
      autoSubmitted.current = true;
      setConfirming(false);
      void submit();
    }
  }, [left, exam?.status, submit]);

  const count = exam?.question_count ?? 0;
  const revisit = exam?.navigation.revisit ?? true;
  const go = useCallback(
    async (next: number) => {
      if (!exam || next < 1 || next > count) return;
      if (!revisit) {
        if (next < position) return;
        if (!(await session.saveNow())) return;
      }
      setPosition(next);
      questionHeading.current?.focus();
    },
    [exam, count, revisit, position, session],
  );

  const question = exam?.questions.find((q) => q.position === position) ?? exam?.questions[0];

  // Keyboard: arrows move between questions, F flags, 1-6 choose options (not while typing a number).
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!exam || !question || confirming || event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target))
        return;
      if (event.key === "ArrowRight") void go(position + 1);
      else if (event.key === "ArrowLeft" && revisit) void go(position - 1);
      else if ((event.key === "f" || event.key === "F") && exam.navigation.flag)
        session.setFlag(question.position, !question.flagged);
      else if (/^[1-6]$/.test(event.key) && question.options) {
        const option = question.options[Number(event.key) - 1];
        if (!option) return;
        const selected = question.answer && "selected" in question.answer ? question.answer.selected : [];
        const next = selected.includes(option.id) ? selected.filter((s) => s !== option.id) : [...selected, option.id];
        if (next.length) session.setAnswer(question.position, { selected: next.sort((a, b) => a - b) });
      } else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [exam, question, confirming, go, position, revisit, session]);

  if (session.loadError !== undefined && !exam) return <ErrorView error={session.loadError} onRetry={session.reload} />;
  if (!exam || !question || finished) return <Loading />;

  const answered = exam.questions.filter((q) => q.answer).length;
  const flagged = exam.questions.filter((q) => q.flagged).length;
  const savedAnswerLocked = !revisit && question.answer !== null && !session.unsaved.includes(question.position);
  const cells: GridCell[] = exam.questions.map((q) => ({
    position: q.position,
    answered: !!q.answer,
    flagged: q.flagged,
    locked: !revisit && q.position < position,
  }));

  return (
    <div className="exam">
      <div className="exam-bar" role="region" aria-label={t("exam.status")}>
        <ExamTimer seconds={left ?? exam.remaining_seconds} />
        <div className="exam-progress">
          <span>{t("exam.progress", { answered, count })}</span>
          <ProgressBar value={answered} max={count} label={t("exam.progressLabel")} />
        </div>
        <button type="button" className="primary" onClick={() => setConfirming(true)} disabled={submitting}>
          {submitting ? t("exam.submitting") : t("exam.submit")}
        </button>
      </div>
      {left === 0 && (
        <p className="notice" role="alert">
          {t("exam.timeUp")}
        </p>
      )}
      <InlineError error={submitError} />
      {session.saveError !== undefined && (
        <div className="inline-error" role="alert">
          <InlineError error={session.saveError} />
          {session.unsaved.length > 0 && (
            <button type="button" onClick={() => void session.saveNow()}>
              {t("exam.retrySave", { count: session.unsaved.length })}
            </button>
          )}
        </div>
      )}
      <div className="exam-layout">
        <section className="panel question-card" aria-labelledby="question-heading">
          <div className="question-head">
            <h1 id="question-heading" ref={questionHeading} tabIndex={-1}>
              {t("exam.questionOf", { n: question.position, count })}
            </h1>
            {exam.navigation.flag && (
              <button
                type="button"
                className={question.flagged ? "flag on" : "flag"}
                aria-pressed={question.flagged}
                aria-keyshortcuts="F"
                onClick={() => session.setFlag(question.position, !question.flagged)}
              >
                ⚑ {question.flagged ? t("exam.unflag") : t("exam.flag")}
              </button>
            )}
          </div>
          <p className="question-text">{question.text}</p>
          <MediaList media={question.media} label={t("media.questionImage", { n: question.position })} />
          <AnswerInput
            name={`q${question.position}`}
            kind={question.kind}
            options={question.options}
            answer={question.answer}
            disabled={submitting || left === 0 || savedAnswerLocked}
            legend={t("answer.legend")}
            onChange={(answer) => session.setAnswer(question.position, answer)}
          />
          <p className="save-state muted" aria-live="polite">
            {session.saving
              ? t("exam.saving")
              : question.answer && !session.unsaved.includes(question.position)
                ? t("exam.saved")
                : ""}
          </p>
          <div className="actions spread">
            <button
              type="button"
              onClick={() => void go(position - 1)}
              disabled={position <= 1 || !revisit}
              aria-keyshortcuts="ArrowLeft"
            >
              ← {t("exam.previous")}
            </button>
            {position < count ? (
              <button
                type="button"
                className="primary"
                onClick={() => void go(position + 1)}
                aria-keyshortcuts="ArrowRight"
              >
                {revisit ? t("exam.next") : t("exam.saveNext")} →
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => setConfirming(true)} disabled={submitting}>
                {t("exam.submit")}
              </button>
            )}
          </div>
          <p className="muted keyboard-help">{t("exam.keyboardHelp")}</p>
        </section>
        <aside className="panel grid-panel">
          <QuestionGrid cells={cells} current={position} onSelect={(p) => void go(p)} />
        </aside>
      </div>
      {confirming && (
        <Dialog
          title={t("exam.confirmTitle")}
          confirmLabel={t("exam.confirmSubmit")}
          cancelLabel={t("exam.keepGoing")}
          busy={submitting}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void submit();
          }}
        >
          <p>{t("exam.confirmAnswered", { answered, count })}</p>
          {count - answered > 0 && (
            <p className="warning-text">{t("exam.confirmUnanswered", { n: count - answered })}</p>
          )}
          {flagged > 0 && <p>{t("exam.confirmFlagged", { n: flagged })}</p>}
        </Dialog>
      )}
    </div>
  );
}
