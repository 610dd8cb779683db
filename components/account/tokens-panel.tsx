"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createTokenAction, revokeAllTokensAction, revokeTokenAction } from "@/server/actions/people";
import { DialogActions } from "@/components/ui/dialog-actions";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { Modal } from "@/components/ui/modal";
import type { TokenBody } from "@/lib/validation/api";
import { createTokenSchema, TOKEN_DEFAULT_DAYS, TOKEN_LIFETIMES } from "@/lib/validation/token";
import { reach } from "@/components/ui/reach";

type Token = TokenBody;
type Fields = z.input<typeof createTokenSchema>;
// A <select> holds text: "never" stands for null, the rest are days.
type FormFields = Omit<Fields, "expiresInDays"> & { expiresIn: string };
const NEVER = "never";

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string | null) => (iso ? `${WHEN.format(new Date(iso))} UTC` : "never");
const expiry = (t: Token) => (t.expired ? `expired ${when(t.expiresAt)}` : t.expiresAt ? when(t.expiresAt) : "never expires");

export function TokensPanel({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string; expiresAt: string | null } | null>(null);
  const [confirmingRevokeAll, setConfirmingRevokeAll] = useState(false);
  const [revokingAll, setRevokingAll] = useState(false);
  const [revokedAll, setRevokedAll] = useState<number | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<number | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<FormFields>({ defaultValues: { name: "", expiresIn: String(TOKEN_DEFAULT_DAYS) } });

  const onCreate = handleSubmit(async ({ name, expiresIn }) => {
    setError(null);
    setCopied(false);
    setRevokedAll(null);
    const input: Fields = { name, expiresInDays: expiresIn === NEVER ? null : Number(expiresIn) };
    // The same schema as the server, checked here first so a typo costs no round trip.
    const checked = createTokenSchema.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) setFieldError(issue.path[0] === "name" ? "name" : "expiresIn", { message: issue.message });
      return;
    }
    const result = await reach(createTokenAction({ body: input }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setFieldError);
      setError(result.message);
      return;
    }
    setCreated({ name, token: result.data.token, expiresAt: result.data.expiresAt });
    reset();
    router.refresh();
  });

  const revokeAll = async () => {
    setError(null);
    setRevokingAll(true);
    const result = await reach(revokeAllTokensAction({}));
    setRevokingAll(false);
    setConfirmingRevokeAll(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setCreated(null);
    setRevokedAll(result.data.revoked);
    router.refresh();
  };

  const revoke = async (token: Token) => {
    setError(null);
    setRevoking(token.id);
    const result = await reach(revokeTokenAction({ params: { id: token.id } }));
    setRevoking(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  };

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created.token);
    setCopied(true);
  };

  return (
    <div className="space-y-4">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {created ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-4">
          <p className="text-sm font-medium text-green-900">
            Token “{created.name}” created; {created.expiresAt ? `it expires ${when(created.expiresAt)}` : "it never expires"}. Copy it now: it is shown only
            this once.
          </p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row">
            <label htmlFor="new-token" className="sr-only">
              New API token
            </label>
            <input id="new-token" readOnly value={created.token} className="field-input mt-0 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn-secondary shrink-0" onClick={copy}>
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
      {revokedAll !== null ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          {revokedAll === 0
            ? "You had no tokens to revoke."
            : `${revokedAll.toLocaleString("en-US")} token${revokedAll === 1 ? "" : "s"} revoked: scripts using them now get 401.`}
        </p>
      ) : null}
      <form onSubmit={onCreate} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="token-name" className="field-label">
            Token name
          </label>
          <input id="token-name" placeholder="e.g. nightly export script" className="field-input" aria-invalid={Boolean(errors.name)} {...register("name")} />
          {errors.name ? <p className="field-error">{errors.name.message}</p> : null}
        </div>
        <div>
          <label htmlFor="token-expiry" className="field-label">
            Expires after
          </label>
          <select id="token-expiry" className="field-input" aria-invalid={Boolean(errors.expiresIn)} {...register("expiresIn")}>
            {TOKEN_LIFETIMES.map((l) => (
              <option key={l.label} value={l.days === null ? NEVER : String(l.days)}>
                {l.label}
              </option>
            ))}
          </select>
          {errors.expiresIn ? <p className="field-error">{errors.expiresIn.message}</p> : null}
        </div>
        <button type="submit" className="btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create token"}
        </button>
      </form>
      {tokens.length === 0 ? (
        <p className="text-sm text-gray-600">You have no active API tokens.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <caption className="sr-only">Your active API tokens</caption>
            <thead className="text-left text-gray-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Name
                </th>
                <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">
                  Starts with
                </th>
                <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">
                  Created
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Last used
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Expires
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {tokens.map((t) => (
                <tr key={t.id} data-token={t.name}>
                  <th scope="row" className="py-2 pr-4 text-left font-medium">
                    {t.name}
                  </th>
                  <td className="hidden py-2 pr-4 font-mono text-xs sm:table-cell">{t.prefix}…</td>
                  <td className="hidden whitespace-nowrap py-2 pr-4 sm:table-cell">{when(t.createdAt)}</td>
                  <td className="py-2 pr-4 sm:whitespace-nowrap">{when(t.lastUsedAt)}</td>
                  <td className={`py-2 pr-4 sm:whitespace-nowrap ${t.expired ? "font-medium text-red-800" : ""}`}>{expiry(t)}</td>
                  <td className="py-2 text-right">
                    <button type="button" className="btn-secondary py-1" disabled={revoking === t.id} onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`}>
                      {revoking === t.id ? "Revoking…" : "Revoke"}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-3 flex justify-end">
            <button type="button" className="btn-danger" onClick={() => setConfirmingRevokeAll(true)}>
              Revoke all tokens
            </button>
          </div>
        </div>
      )}
      <Modal
        open={confirmingRevokeAll}
        onClose={() => setConfirmingRevokeAll(false)}
        title="Revoke all your API tokens?"
        description={`Every script using one of your ${tokens.length.toLocaleString("en-US")} token${tokens.length === 1 ? "" : "s"} stops working at once. You can create new ones afterwards.`}
      >
        <DialogActions
          onCancel={() => setConfirmingRevokeAll(false)}
          label="Revoke all"
          busyLabel="Revoking…"
          busy={revokingAll}
          onConfirm={revokeAll}
          tone="danger"
        />
      </Modal>
    </div>
  );
}
