import { useState } from "react";

/** What a read that a newer one has replaced answers instead of its value. */
export const SUPERSEDED = Symbol("superseded");

/**
 * Wraps reads so that only the newest one's answer is used: a drawer that reads afresh at every
 * opening must not show the answer to an earlier opening that happened to arrive last.
 */
export function newestRead() {
  let newest = 0;
  return async function read<T>(pending: Promise<T>): Promise<T | typeof SUPERSEDED> {
    const mine = ++newest;
    const value = await pending;
    return mine === newest ? value : SUPERSEDED;
  };
}

/** newestRead for a component: one sequence for as long as it is mounted. */
export function useNewestRead() {
  const [read] = useState(newestRead);
  return read;
}
