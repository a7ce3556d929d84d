// Seconds left of an exam, counted from the server's remaining_seconds (not the device clock, which may be
// wrong): the end is fixed on the monotonic clock when the server's answer arrives.
import { useEffect, useState } from "react";

export function secondsLeft(endAt: number, now: number): number {
  return Math.max(0, Math.ceil((endAt - now) / 1000));
}

export function useCountdown(remainingSeconds: number | undefined, receivedAt: number): number | undefined {
  const endAt = remainingSeconds === undefined ? undefined : receivedAt + remainingSeconds * 1000;
  const [left, setLeft] = useState(() => (endAt === undefined ? undefined : secondsLeft(endAt, performance.now())));
  useEffect(() => {
    if (endAt === undefined) return;
    const tick = () => setLeft(secondsLeft(endAt, performance.now()));
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [endAt]);
  return left;
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}
