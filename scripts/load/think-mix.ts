/**
 * What the load test's think-time mode sends (`npm run test:load -- --think`), shared with its
 * queue model (scripts/queue-model.ts): an editor saves every THINK_MIN_MS to THINK_MAX_MS and
 * reads once in between, a read being one of these kinds in these shares.
 */
export const THINK_MIN_MS = 5_000;
export const THINK_MAX_MS = 20_000;
export const READ_SHARES = { "year page": 0.35, dashboard: 0.25, "values API": 0.4 } as const;
type ReadKind = keyof typeof READ_SHARES;

/** The read that `roll`, in [0, 1), picks in READ_SHARES. */
export function readKindOf(roll: number): ReadKind {
  let upTo = 0;
  for (const [kind, share] of Object.entries(READ_SHARES) as [ReadKind, number][]) {
    upTo += share;
    if (roll < upTo) return kind;
  }
  return "values API";
}
/** The target for this mode (16, point 4): the 95th percentile of every kind of request. */
export const THINK_TARGET_P95_MS = 150;
