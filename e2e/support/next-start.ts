/**
 * How the suites start the production build. Playwright's request contexts keep connections
 * open with no idle limit of their own, while `next start` closes one idle for 5 s: a request
 * sent as that happens fails with "socket hang up" (CI, 2026-12-07, year-quotes.spec.ts). Ten
 * minutes is longer than any spec holds a context idle, so the server never closes first.
 */
export const NEXT_START_ARGS = ["next", "start", "-H", "127.0.0.1", "--keepAliveTimeout", "600000"];
