"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addCommentAction, reopenCommentAction, resolveCommentAction, valueCommentsAction } from "@/server/actions/comments";
import type { CommentBody } from "@/lib/validation/api";
import { commentSchema } from "@/lib/validation/comment";
import { formatUtc } from "@/lib/time/utc";
import { Modal } from "@/components/ui/modal";
import { reach } from "@/components/ui/reach";
import { SUPERSEDED, useNewestRead } from "@/components/ui/newest-read";

/** What the page tells every row's thread: unresolved counts by metric, and what the person may do. */
export type CommentControls = { openCounts: Record<string, number>; canComment: boolean; canResolve: boolean };

type Props = {
  year: number;
  metricKey: string;
  label: string;
  /** Unresolved comments when the page was rendered. */
  openCount: number;
  canComment: boolean;
  canResolve: boolean;
};
type Fields = z.input<typeof commentSchema>;

/** A value's comment thread beside its history: reviewers ask, editors answer, resolve and reopen. Text is shown as text, never HTML. */
export function CommentsDrawer({ year, metricKey, label, openCount, canComment, canResolve }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [comments, setComments] = useState<CommentBody[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const newest = useNewestRead();
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<Fields, unknown, z.output<typeof commentSchema>>({ resolver: zodResolver(commentSchema), defaultValues: { text: "" } });

  async function load() {
    setError(null);
    const result = await newest(reach(valueCommentsAction({ params: { year, metricKey } })));
    if (result === SUPERSEDED) return;
    if (result.ok) setComments(result.data.comments);
    else setError(result.message);
  }

  function show() {
    setOpen(true);
    setComments(null);
    void load();
  }

  function close() {
    setOpen(false);
    // The page's counts and checks are the server's: refresh them once the thread changed.
    if (changed) router.refresh();
    setChanged(false);
  }

  const onSubmit = handleSubmit(async ({ text }) => {
    setError(null);
    const result = await reach(addCommentAction({ params: { year, metricKey }, body: { text } }));
    if (!result.ok) {
      if (result.fieldErrors?.text) setFieldError("text", { message: result.fieldErrors.text });
      setError(result.message);
      return;
    }
    reset();
    setChanged(true);
    setComments((prev) => [...(prev ?? []), result.data]);
  });

  async function toggle(comment: CommentBody) {
    setError(null);
    const result = comment.resolvedAt
      ? await reach(reopenCommentAction({ params: { id: comment.id } }))
      : await reach(resolveCommentAction({ params: { id: comment.id } }));
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setChanged(true);
    setComments((prev) => (prev ?? []).map((c) => (c.id === comment.id ? result.data : c)));
  }

  const unresolved = comments ? comments.filter((c) => !c.resolvedAt).length : openCount;
  return (
    <>
      <button type="button" className="btn-row" onClick={show} data-testid="comments-button">
        Comments{openCount > 0 ? ` (${openCount} open)` : ""}
        <span className="sr-only"> on {label}</span>
      </button>
      <Modal open={open} onClose={close} title={`Comments: ${label}, ${year}`} variant="drawer" description={`${unresolved} unresolved`}>
        <div className="space-y-4 text-sm">
          {comments === null && !error ? <p role="status">Loading comments…</p> : null}
          {comments?.length === 0 ? <p className="text-gray-700">No comments yet.{canComment ? " Ask about this figure below." : ""}</p> : null}
          {comments && comments.length > 0 ? (
            <ol className="space-y-3">
              {comments.map((c) => (
                <li key={c.id} className={`rounded-md border p-3 ${c.resolvedAt ? "border-gray-200 bg-gray-50" : "border-amber-300"}`} data-testid="comment">
                  <p className="text-xs text-gray-700">
                    <span className="font-medium text-gray-900">{c.author}</span> · {formatUtc(c.createdAt)}
                    {c.resolvedAt ? ` · resolved by ${c.resolvedBy ?? "someone"} ${formatUtc(c.resolvedAt)}` : " · open"}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words">{c.text}</p>
                  {(c.resolvedAt ? canComment : canResolve) ? (
                    <button type="button" className="btn-secondary mt-2 px-2 py-1 text-xs" onClick={() => void toggle(c)}>
                      {c.resolvedAt ? "Reopen" : "Resolve"}
                    </button>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
          {error ? (
            <p role="alert" className="text-red-700">
              {error}
            </p>
          ) : null}
          {canComment ? (
            <form onSubmit={onSubmit} noValidate className="space-y-2">
              <label htmlFor={`comment-${metricKey}`} className="field-label">
                New comment
              </label>
              <textarea
                id={`comment-${metricKey}`}
                rows={3}
                className="field-input"
                aria-invalid={errors.text ? true : undefined}
                aria-describedby={errors.text ? `comment-${metricKey}-error` : undefined}
                {...register("text")}
              />
              {errors.text ? (
                <p id={`comment-${metricKey}-error`} className="field-error">
                  {errors.text.message}
                </p>
              ) : null}
              <div className="flex justify-end gap-2">
                <button type="button" className="btn-secondary" onClick={close}>
                  Close
                </button>
                <button type="submit" className="btn-primary" disabled={isSubmitting}>
                  {isSubmitting ? "Posting…" : "Post comment"}
                </button>
              </div>
            </form>
          ) : (
            <div className="flex justify-end">
              <button type="button" className="btn-primary" onClick={close}>
                Close
              </button>
            </div>
          )}
        </div>
      </Modal>
    </>
  );
}
