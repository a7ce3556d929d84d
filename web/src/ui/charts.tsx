// Small hand-written SVG charts: horizontal bars (per-topic accuracy), a line (score trend) and a gauge
// (readiness). Each has a text equivalent for screen readers.
import { useId } from "react";

export interface Bar {
  label: string;
  value: number;
  detail?: string;
}

/** Bars of percentages 0-100, as a list whose items read "label: 80 % (8 / 10)". */
export function BarList({ bars, label }: { bars: Bar[]; label: string }) {
  return (
    <ul className="bar-list" aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.label}>
          <span className="bar-label">{bar.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span
              className={bar.value >= 80 ? "bar-fill good" : bar.value >= 50 ? "bar-fill fair" : "bar-fill weak"}
              style={{ width: `${Math.max(0, Math.min(100, bar.value))}%` }}
            />
          </span>
          <span className="bar-value">
            {bar.value} %{bar.detail ? ` (${bar.detail})` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

export interface Point {
  label: string;
  value: number;
  good?: boolean;
}

/** A line of percentages 0-100 with a dashed reference line (the pass mark). */
export function LineChart({ points, label, reference }: { points: Point[]; label: string; reference?: number }) {
  const titleId = useId();
  const width = 320;
  const height = 160;
  const pad = 28;
  const x = (i: number) =>
    pad + (points.length <= 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => height - pad - (v / 100) * (height - 2 * pad);
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{`${label}: ${points.map((p) => `${p.label} ${p.value} %`).join(", ")}`}</title>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={pad} x2={width - pad} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={4} y={y(v) + 4} className="axis-text">
              {v}
            </text>
          </g>
        ))}
        {reference !== undefined && (
          <line x1={pad} x2={width - pad} y1={y(reference)} y2={y(reference)} className="reference-line" />
        )}
        <path d={path} className="line" fill="none" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.value)} r={4} className={p.good ? "dot good" : "dot bad"} />
        ))}
      </svg>
    </figure>
  );
}

/** A half-circle gauge for 0-100. */
export function Gauge({ value, label }: { value: number; label: string }) {
  const clamped = Math.max(0, Math.min(100, value));
  const angle = Math.PI * (1 - clamped / 100);
  const endX = 60 + 50 * Math.cos(angle);
  const endY = 60 - 50 * Math.sin(angle);
  return (
    <figure className="gauge">
      <svg viewBox="0 0 120 70" role="img" aria-label={`${label}: ${clamped} / 100`}>
        <path d="M10,60 A50,50 0 0 1 110,60" className="gauge-track" fill="none" />
        {clamped > 0 && (
          <path
            d={`M10,60 A50,50 0 0 1 ${endX.toFixed(2)},${endY.toFixed(2)}`}
            className={clamped >= 80 ? "gauge-fill good" : clamped >= 50 ? "gauge-fill fair" : "gauge-fill weak"}
            fill="none"
          />
        )}
        <text x="60" y="58" textAnchor="middle" className="gauge-text">
          {clamped}
        </text>
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
