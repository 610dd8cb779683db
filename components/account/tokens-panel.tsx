"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createTokenAction, revokeTokenAction } from "@/app/(app)/account/actions";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { createTokenSchema } from "@/lib/validation/token";

type Token = { id: number; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };
type Fields = z.input<typeof createTokenSchema>;

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string | null) => (iso ? `${WHEN.format(new Date(iso))} UTC` : "never");

export function TokensPanel({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<number | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<Fields>({ resolver: zodResolver(createTokenSchema), defaultValues: { name: "" } });

  const onCreate = handleSubmit(async (values) => {
    setError(null);
    setCopied(false);
    const result = await createTokenAction(values);
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setFieldError);
      setError(result.message);
      return;
    }
    setCreated({ name: values.name, token: result.data.token });
    reset();
    router.refresh();
  });

  const revoke = async (token: Token) => {
    setError(null);
    setRevoking(token.id);
    const result = await revokeTokenAction({ id: token.id });
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
          <p className="text-sm font-medium text-green-900">Token “{created.name}” created. Copy it now: it is shown only this once.</p>
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
      <form onSubmit={onCreate} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="token-name" className="field-label">
            Token name
          </label>
          <input id="token-name" placeholder="e.g. nightly export script" className="field-input" aria-invalid={Boolean(errors.name)} {...register("name")} />
          {errors.name ? <p className="field-error">{errors.name.message}</p> : null}
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
                <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">Starts with</th>
                <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">Created</th>
                <th scope="col" className="py-2 pr-4 font-medium">Last used</th>
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
                  <td className="py-2 text-right">
                    <button type="button" className="btn-secondary py-1" disabled={revoking === t.id} onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`}>
                      {revoking === t.id ? "Revoking…" : "Revoke"}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
