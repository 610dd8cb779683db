import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Puts the server's field messages onto react-hook-form fields. */
export function applyFieldErrors<T extends FieldValues>(fields: Record<string, string> | undefined, setError: UseFormSetError<T>) {
  for (const [name, message] of Object.entries(fields ?? {})) {
    setError(name as Path<T>, { type: "server", message });
  }
}
