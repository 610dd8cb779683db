/**
 * Cancel beside the action a dialog or form is for. While busy the action names what is
 * happening and cannot be pressed twice; without `onConfirm` it submits its form.
 */
export function DialogActions({
  onCancel,
  label,
  busyLabel,
  busy,
  disabled = false,
  onConfirm,
  tone = "primary",
  className = "",
}: {
  onCancel: () => void;
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  onConfirm?: () => void;
  tone?: "primary" | "danger";
  className?: string;
}) {
  return (
    <div className={`flex justify-end gap-2 ${className}`}>
      <button type="button" className="btn-secondary" onClick={onCancel}>
        Cancel
      </button>
      <button
        type={onConfirm ? "button" : "submit"}
        className={tone === "danger" ? "btn-danger" : "btn-primary"}
        disabled={busy || disabled}
        onClick={onConfirm}
      >
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
