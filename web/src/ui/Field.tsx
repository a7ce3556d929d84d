// A labelled form field with its hint and error, tied together for assistive technology.
import { useId, type InputHTMLAttributes } from "react";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string;
}

export function Field({ label, hint, error, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={!!error} aria-describedby={described} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The field a 400 problem names, and its message. */
export function fieldError(error: unknown): { field?: string; message: string } | undefined {
  const problem = (error as { problem?: { field?: string; detail?: string } } | undefined)?.problem;
  if (!problem) return undefined;
  return { field: problem.field, message: problem.detail ?? "" };
}
