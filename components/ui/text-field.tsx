import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

/**
 * A labelled input of a react-hook-form form. Its error message is tied to it
 * (aria-describedby), so a screen reader reads why the field is invalid when it is focused;
 * `children` go below it (a password's strength meter, named by `describedBy`).
 */
export function TextField({
  id,
  label,
  registration,
  error,
  type = "text",
  autoComplete,
  describedBy,
  children,
}: {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  describedBy?: string;
  children?: React.ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        className="field-input"
        aria-invalid={Boolean(error)}
        aria-describedby={[describedBy, error ? errorId : undefined].filter(Boolean).join(" ") || undefined}
        {...registration}
      />
      {error?.message ? (
        <p id={errorId} className="field-error">
          {error.message}
        </p>
      ) : null}
      {children}
    </div>
  );
}
