// The countdown display; screen readers hear it at 5 minutes and 1 minute left rather than every second.
import { useI18n } from "../i18n/i18n";
import { formatClock } from "./useCountdown";

export function ExamTimer({ seconds }: { seconds: number }) {
  const { t } = useI18n();
  const urgent = seconds <= 60;
  const announce = seconds === 300 || seconds === 60 ? t("exam.minutesLeft", { minutes: seconds / 60 }) : "";
  return (
    <div className={urgent ? "timer urgent" : "timer"}>
      <span className="timer-label">{t("exam.timeLeft")}</span>
      <span role="timer" aria-label={t("exam.timeLeftValue", { time: formatClock(seconds) })} className="timer-value">
        {formatClock(seconds)}
      </span>
      <span className="visually-hidden" aria-live="assertive">
        {announce}
      </span>
    </div>
  );
}
