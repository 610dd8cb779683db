import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { sameOrigin, signedInAs } from "./api";
import { CALLERS, clientsFor, disposeAll, ensureYear, historyOf, ok, valueOf, valuesOf, type Caller } from "./api-clients";

/**
 * Every mutating endpoint × every role and no caller at all: the status docs/API.md gives each,
 * and for every refusal proof that nothing changed. Writes go to 2040–2043 only.
 */
const VALUES_YEAR = 2040;
const LOCK_YEAR = 2043;
const QUOTE = { speaker: "Matrix Speaker", title: "Tester", section: "peacekeeping", text: "Said for the role matrix." };
const PASSWORD = "copper lantern drifts over nine bridges";

let clients: Record<Caller, APIRequestContext>;

type Row<T> = {
  call: string;
  allowed: readonly Caller[];
  status: number;
  /** Sets up the target with the admin's client; what it returns is handed to call and state. */
  prepare: (caller: Caller) => Promise<T>;
  send: (api: APIRequestContext, target: T, caller: Caller) => Promise<APIResponse>;
  /** What the call could change, read by the admin. */
  state: (target: T) => Promise<unknown>;
};
const row = <T>(r: Row<T>) => r as Row<unknown>;

const admin = () => clients.admin;
const yearsState = async () => (await ok<{ years: { year: number; status: string }[] }>(admin().get("/api/v1/years"))).years.map((y) => [y.year, y.status]);
const quotesState = async () => (await ok<{ quotes: unknown[] }>(admin().get(`/api/v1/years/${VALUES_YEAR}/quotes`))).quotes;
const usersState = async () => (await ok<{ users: unknown[] }>(admin().get("/api/v1/users"))).users;
const tokensState = async () => {
  const all: Record<string, unknown> = {};
  for (const role of ["viewer", "reviewer", "editor", "admin"] as const) {
    const { tokens } = await ok<{ tokens: { id: number; name: string; prefix: string }[] }>(clients[role].get("/api/v1/me/tokens"));
    all[role] = tokens.map(({ id, name, prefix }) => ({ id, name, prefix }));
  }
  return all;
};
const createQuote = async () => ok<{ id: number; version: number }>(admin().post(`/api/v1/years/${VALUES_YEAR}/quotes`, { data: QUOTE }));
async function setLockYear(status: "open" | "locked") {
  const years = await yearsState();
  if (years.some(([y, s]) => y === LOCK_YEAR && s === status)) return;
  if (status === "locked") await ok(admin().post(`/api/v1/years/${LOCK_YEAR}/lock`));
  else await ok(admin().post(`/api/v1/years/${LOCK_YEAR}/unlock`, { data: { reason: "reset for the next matrix row" } }));
}

const ROWS = [
  row<{ year: number }>({
    call: "POST /api/v1/years",
    allowed: ["editor", "admin"],
    status: 201,
    // Refusals aim at the year the editor then opens: it must not exist before the editor's call.
    prepare: async (caller) => ({ year: caller === "admin" ? 2042 : 2041 }),
    send: (api, { year }) => api.post("/api/v1/years", { data: { year } }),
    state: yearsState,
  }),
  row<{ version: number }>({
    call: "PUT /api/v1/years/{year}/values/{metricKey}",
    allowed: ["editor", "admin"],
    status: 200,
    prepare: async () => ({ version: (await valueOf(admin(), VALUES_YEAR, "peace_operations")).version }),
    send: (api, { version }, caller) =>
      api.put(`/api/v1/years/${VALUES_YEAR}/values/peace_operations`, { data: { value: 100 + CALLERS.indexOf(caller), version, note: `by ${caller}` } }),
    state: async () => ({ values: await valuesOf(admin(), VALUES_YEAR), history: await historyOf(admin(), VALUES_YEAR, "peace_operations") }),
  }),
  row<null>({
    call: "POST /api/v1/years/{year}/quotes",
    allowed: ["editor", "admin"],
    status: 201,
    prepare: async () => null,
    send: (api, _, caller) => api.post(`/api/v1/years/${VALUES_YEAR}/quotes`, { data: { ...QUOTE, speaker: `Speaker for ${caller}` } }),
    state: quotesState,
  }),
  row<{ id: number }>({
    call: "PUT /api/v1/quotes/{id}",
    allowed: ["editor", "admin"],
    status: 200,
    prepare: createQuote,
    send: (api, { id }, caller) => api.put(`/api/v1/quotes/${id}`, { data: { ...QUOTE, text: `Reworded by ${caller}.`, version: 1 } }),
    state: quotesState,
  }),
  row<{ id: number }>({
    call: "DELETE /api/v1/quotes/{id}",
    allowed: ["editor", "admin"],
    status: 200,
    prepare: createQuote,
    send: (api, { id }) => api.delete(`/api/v1/quotes/${id}`, { data: { version: 1 } }),
    state: quotesState,
  }),
  row<void>({
    call: "POST /api/v1/years/{year}/lock",
    allowed: ["reviewer", "admin"],
    status: 200,
    prepare: async () => setLockYear("open"),
    send: (api) => api.post(`/api/v1/years/${LOCK_YEAR}/lock`),
    state: yearsState,
  }),
  row<void>({
    call: "POST /api/v1/years/{year}/unlock",
    allowed: ["admin"],
    status: 200,
    prepare: async () => setLockYear("locked"),
    send: (api) => api.post(`/api/v1/years/${LOCK_YEAR}/unlock`, { data: { reason: "matrix: a figure needs correcting" } }),
    state: yearsState,
  }),
  row<null>({
    call: "POST /api/v1/users",
    allowed: ["admin"],
    status: 201,
    prepare: async () => null,
    send: (api, _, caller) =>
      api.post("/api/v1/users", { data: { name: `Made by ${caller}`, email: `matrix-by-${caller}@example.org`, role: "admin", password: PASSWORD } }),
    state: usersState,
  }),
  row<null>({
    call: "POST /api/v1/me/tokens",
    allowed: ["viewer", "reviewer", "editor", "admin"],
    status: 201,
    prepare: async () => null,
    send: (api, _, caller) => api.post("/api/v1/me/tokens", { data: { name: `matrix ${caller}` } }),
    state: tokensState,
  }),
  row<{ id: number }>({
    call: "DELETE /api/v1/me/tokens/{id}",
    allowed: ["viewer", "reviewer", "editor", "admin"],
    status: 200,
    // A fresh token of the caller's own (the editor's when there is no caller) to revoke.
    prepare: async (caller) =>
      ok<{ id: number }>(clients[caller === "anonymous" ? "editor" : caller].post("/api/v1/me/tokens", { data: { name: "to revoke" } })),
    send: (api, { id }) => api.delete(`/api/v1/me/tokens/${id}`),
    state: tokensState,
  }),
];

test.describe("who may write what", () => {
  test.beforeAll(async ({ baseURL, playwright }) => {
    clients = await clientsFor(playwright, baseURL!);
    await ensureYear(admin(), VALUES_YEAR);
    await ensureYear(admin(), LOCK_YEAR);
  });
  test.afterAll(() => disposeAll(clients));

  for (const r of ROWS) {
    test(`${r.call}: ${r.allowed.join(", ")} may; the others get 401/403 and change nothing`, async () => {
      // Refusals first, so an allowed call can never hide a refused one that also wrote.
      const order = [...CALLERS].sort((a, b) => Number(r.allowed.includes(a)) - Number(r.allowed.includes(b)));
      for (const caller of order) {
        const target = await r.prepare(caller);
        const before = await r.state(target);
        const response = await r.send(clients[caller], target, caller);
        const body = await response.text();
        const expected = r.allowed.includes(caller) ? r.status : caller === "anonymous" ? 401 : 403;
        expect(response.status(), `${caller}: ${body}`).toBe(expected);
        const after = await r.state(target);
        if (expected === r.status) {
          expect(after, `${caller}'s accepted call changed something`).not.toEqual(before);
        } else {
          expect(JSON.parse(body)).toMatchObject({ error: { code: caller === "anonymous" ? "unauthorized" : "forbidden", message: expect.any(String) } });
          expect(after, `${caller}'s refused call changed nothing`).toEqual(before);
        }
      }
    });
  }

  test("a token can only be revoked by its owner, and a revoked token no longer opens the API", async ({ playwright, baseURL }) => {
    const { id, token } = await ok<{ id: number; token: string }>(clients.editor.post("/api/v1/me/tokens", { data: { name: "short-lived" } }));
    const before = await tokensState();
    const foreign = await clients.admin.delete(`/api/v1/me/tokens/${id}`);
    expect(foreign.status()).toBe(404);
    expect(await tokensState()).toEqual(before);

    const own = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    expect((await own.get("/api/v1/years")).status()).toBe(200);
    await ok(clients.editor.delete(`/api/v1/me/tokens/${id}`));
    const refused = await own.get("/api/v1/years");
    expect(refused.status()).toBe(401);
    await own.dispose();
  });
});

test.describe("cookie-authenticated writes", () => {
  test.beforeAll(async ({ baseURL, playwright }) => {
    clients = await clientsFor(playwright, baseURL!);
    await ensureYear(admin(), VALUES_YEAR);
  });
  test.afterAll(() => disposeAll(clients));

  test("without an Origin, or from another one, are refused with 403 and change nothing; from our own Origin they pass", async ({ playwright, baseURL }) => {
    const browser = await signedInAs(playwright, baseURL!, "editor");
    const state = async () => ({ values: await valuesOf(admin(), VALUES_YEAR), quotes: await quotesState(), years: await yearsState() });

    const writes = (version: number) => [
      (headers: Record<string, string>) => browser.put(`/api/v1/years/${VALUES_YEAR}/values/contributing_countries`, { data: { value: 77, version }, headers }),
      (headers: Record<string, string>) => browser.post(`/api/v1/years/${VALUES_YEAR}/quotes`, { data: { ...QUOTE, speaker: "Cross-site" }, headers }),
      (headers: Record<string, string>) => browser.post("/api/v1/years", { data: { year: 2049 }, headers }),
    ];
    const { version } = await valueOf(admin(), VALUES_YEAR, "contributing_countries");
    const before = await state();
    const foreign: Record<string, string>[] = [
      {},
      { Origin: "https://evil.example.org" },
      { Origin: "null" },
      { Origin: baseURL!.replace("127.0.0.1", "localhost") },
    ];
    for (const headers of foreign) {
      for (const write of writes(version)) {
        const response = await write(headers);
        expect(response.status(), `${JSON.stringify(headers)} ${response.url()}`).toBe(403);
        expect(await response.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/Cross-origin/) } });
      }
    }
    expect(await state()).toEqual(before);

    // The same session from the app's own origin is an ordinary write.
    const saved = await browser.put(`/api/v1/years/${VALUES_YEAR}/values/contributing_countries`, {
      data: { value: 77, version },
      headers: sameOrigin(baseURL!),
    });
    expect(saved.status(), await saved.text()).toBe(200);
    expect(await valueOf(admin(), VALUES_YEAR, "contributing_countries")).toMatchObject({ value: 77, version: version + 1 });
    await browser.dispose();
  });
});

test.describe("a locked year", () => {
  const YEAR = 2046;
  test.beforeAll(async ({ baseURL, playwright }) => {
    clients = await clientsFor(playwright, baseURL!);
  });
  test.afterAll(() => disposeAll(clients));

  test("answers 423 to every value and quote write, even the admin's, and changes nothing until unlocked", async () => {
    await ensureYear(admin(), YEAR);
    const { version } = await valueOf(admin(), YEAR, "peace_operations");
    await ok(clients.editor.put(`/api/v1/years/${YEAR}/values/peace_operations`, { data: { value: 5, version } }));
    const quote = await ok<{ id: number }>(clients.editor.post(`/api/v1/years/${YEAR}/quotes`, { data: QUOTE }));
    const locked = await ok<{ status: string; snapshot: { sha256: string } }>(clients.reviewer.post(`/api/v1/years/${YEAR}/lock`));
    expect(locked).toMatchObject({ status: "locked", snapshot: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });

    const state = async () => ({
      values: await valuesOf(admin(), YEAR),
      history: await historyOf(admin(), YEAR, "peace_operations"),
      quotes: (await ok<{ quotes: unknown[] }>(admin().get(`/api/v1/years/${YEAR}/quotes`))).quotes,
    });
    const before = await state();
    for (const who of ["editor", "admin"] as const) {
      const api = clients[who];
      for (const response of [
        await api.put(`/api/v1/years/${YEAR}/values/peace_operations`, { data: { value: 6, version: version + 1 } }),
        await api.put(`/api/v1/years/${YEAR}/values/contributing_countries`, { data: { value: 6 } }),
        await api.post(`/api/v1/years/${YEAR}/quotes`, { data: QUOTE }),
        await api.put(`/api/v1/quotes/${quote.id}`, { data: { ...QUOTE, text: "Changed after sign-off.", version: 1 } }),
        await api.delete(`/api/v1/quotes/${quote.id}`),
      ]) {
        expect(response.status(), `${who} ${response.url()}`).toBe(423);
        expect(await response.json()).toMatchObject({ error: { code: "locked", message: expect.stringMatching(/locked/) } });
      }
    }
    expect(await state()).toEqual(before);
    expect((await clients.reviewer.post(`/api/v1/years/${YEAR}/lock`)).status()).toBe(409);

    await ok(admin().post(`/api/v1/years/${YEAR}/unlock`, { data: { reason: "a figure was mistyped" } }));
    expect((await clients.editor.put(`/api/v1/years/${YEAR}/values/peace_operations`, { data: { value: 6, version: version + 1 } })).status()).toBe(200);
  });
});
