import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { clientsFor, disposeAll, ensureYear, historyOf, ok, valueOf, valuesOf, type Caller } from "./api-clients";

/**
 * Bad input through the API: always a 4xx with a message (and the field, for validation),
 * never a 5xx, and nothing written. Writes go to 2045 only.
 */
const YEAR = 2045;
const VALUES = `/api/v1/years/${YEAR}/values`;
const JSON_TYPE = { "Content-Type": "application/json" };
const QUOTE = { speaker: "Bad Input", title: "Tester", section: "peacekeeping", text: "A quote to refuse changes to." };

let clients: Record<Caller, APIRequestContext>;
let editor: APIRequestContext;
let quoteId: number;

type Case = { name: string; send: (api: APIRequestContext) => Promise<APIResponse>; status: number; field?: string };

/** Everything the refused calls could touch. */
async function state() {
  const admin = clients.admin;
  return {
    values: await valuesOf(admin, YEAR),
    history: await historyOf(admin, YEAR, "peace_operations"),
    quotes: (await ok<{ quotes: unknown[] }>(admin.get(`/api/v1/years/${YEAR}/quotes`))).quotes,
    years: (await ok<{ years: unknown[] }>(admin.get("/api/v1/years"))).years,
    users: (await ok<{ users: unknown[] }>(admin.get("/api/v1/users"))).users,
    tokens: (await ok<{ tokens: { id: number }[] }>(editor.get("/api/v1/me/tokens"))).tokens.map((t) => t.id),
  };
}

async function expectRefusedWithoutWrites(cases: Case[]) {
  for (const c of cases) {
    const before = await state();
    const response = await c.send(editor);
    const text = await response.text();
    expect(response.status(), `${c.name}: ${text}`).toBe(c.status);
    expect(response.headers()["content-type"], c.name).toMatch(/application\/json/);
    const body = JSON.parse(text) as { error: { code: string; message: string; fields?: Record<string, string> } };
    expect(body.error.message.length, `${c.name} has a message`).toBeGreaterThan(10);
    if (c.field) expect(body.error.fields?.[c.field], `${c.name} names the field ${c.field}: ${text}`).toEqual(expect.any(String));
    expect(await state(), `${c.name} wrote nothing`).toEqual(before);
  }
}

const put = (metricKey: string, data: unknown) => (api: APIRequestContext) => api.put(`${VALUES}/${metricKey}`, { data: data as Record<string, unknown> });
// A Buffer goes out byte for byte: Playwright would JSON-encode a string that does not parse as JSON.
const raw = (text: string) => Buffer.from(text, "utf8");
const putRaw =
  (metricKey: string, body: string, headers: Record<string, string> = JSON_TYPE) =>
  (api: APIRequestContext) =>
    api.put(`${VALUES}/${metricKey}`, { data: raw(body), headers });

test.describe("bad input through the API", () => {
  test.beforeAll(async ({ baseURL, playwright }) => {
    clients = await clientsFor(playwright, baseURL!);
    editor = clients.editor;
    await ensureYear(editor, YEAR);
    // Existing rows to be changed wrongly: the refused calls must leave them exactly as they are.
    const { version } = await valueOf(editor, YEAR, "peace_operations");
    await ok(editor.put(`${VALUES}/peace_operations`, { data: { value: 12, version, note: "As of June", source: "https://example.org/source" } }));
    quoteId = (await ok<{ id: number }>(editor.post(`/api/v1/years/${YEAR}/quotes`, { data: QUOTE }))).id;
  });
  test.afterAll(() => disposeAll(clients));

  test("each value rule gets 422 naming the field", async () => {
    await expectRefusedWithoutWrites([
      { name: "count with a fraction", send: put("peace_operations", { value: 12.5 }), status: 422, field: "value" },
      { name: "count typed with a fraction", send: put("peace_operations", { value: "12.5" }), status: 422, field: "value" },
      { name: "negative count", send: put("peace_operations", { value: -1 }), status: 422, field: "value" },
      { name: "percent over 100", send: put("women_mediation_teams_pct", { value: 100.5 }), status: 422, field: "value" },
      { name: "negative percent", send: put("women_mediation_teams_pct", { value: -0.1 }), status: 422, field: "value" },
      { name: "percent with two decimals", send: put("women_mediation_teams_pct", { value: 43.25 }), status: 422, field: "value" },
      { name: "negative usd", send: put("pbf_approved_budget_usd", { value: -5 }), status: 422, field: "value" },
      { name: "negative km", send: put("road_confirmed_safe_km", { value: -0.5 }), status: 422, field: "value" },
      { name: "negative km2", send: put("land_confirmed_safe_km2", { value: -1 }), status: 422, field: "value" },
      { name: "negative m2", send: put("south_sudan_land_cleared_m2", { value: -1 }), status: 422, field: "value" },
      { name: "above 1e15", send: put("pbf_approved_budget_usd", { value: 2e15 }), status: 422, field: "value" },
      { name: "1e400 sent as raw JSON text", send: putRaw("pbf_approved_budget_usd", '{"value": 1e400}'), status: 422, field: "value" },
      { name: "-1e400 sent as raw JSON text", send: putRaw("peace_operations", '{"value": -1e400, "version": 1}'), status: 422, field: "value" },
      { name: "Infinity typed", send: put("peace_operations", { value: "Infinity" }), status: 422, field: "value" },
      { name: "NaN typed", send: put("peace_operations", { value: "NaN" }), status: 422, field: "value" },
      { name: "a word", send: put("peace_operations", { value: "twelve" }), status: 422, field: "value" },
      { name: "a boolean", send: put("peace_operations", { value: true }), status: 422, field: "value" },
      { name: "no value at all", send: put("peace_operations", { note: "only a note" }), status: 422, field: "value" },
      { name: "a percentage typed into a count", send: put("peace_operations", { value: "43%" }), status: 422, field: "value" },
      { name: "qualifier not none/over/about", send: put("peace_operations", { value: 13, qualifier: "under" }), status: 422, field: "qualifier" },
      { name: "note of 2,001 characters", send: put("peace_operations", { value: 13, note: "n".repeat(2_001) }), status: 422, field: "note" },
      { name: "source of 1,001 characters", send: put("peace_operations", { value: 13, source: "s".repeat(1_001) }), status: 422, field: "source" },
      { name: "note that is not text", send: put("peace_operations", { value: 13, note: 5 }), status: 422, field: "note" },
      { name: "negative version", send: put("peace_operations", { value: 13, version: -1 }), status: 422, field: "version" },
      { name: "version as text", send: put("peace_operations", { value: 13, version: "1" }), status: 422, field: "version" },
    ]);
  });

  test("the limits themselves are accepted", async () => {
    const percent = await valueOf(editor, YEAR, "women_mediation_teams_pct");
    await ok(editor.put(`${VALUES}/women_mediation_teams_pct`, { data: { value: 43.5, version: percent.version, qualifier: "none" } }));
    const usd = await valueOf(editor, YEAR, "pbf_approved_budget_usd");
    await ok(editor.put(`${VALUES}/pbf_approved_budget_usd`, { data: { value: 1e15, version: usd.version, qualifier: "about" } }));
    const count = await valueOf(editor, YEAR, "pbc_countries_regions");
    const saved = await ok(
      editor.put(`${VALUES}/pbc_countries_regions`, {
        data: { value: 0, version: count.version, qualifier: "over", note: "n".repeat(2_000), source: "s".repeat(1_000) },
      }),
    );
    expect(saved).toMatchObject({ value: 0, qualifier: "over" });
    expect(await valueOf(editor, YEAR, "women_mediation_teams_pct")).toMatchObject({ value: 43.5, qualifier: null });
    expect(await valueOf(editor, YEAR, "pbf_approved_budget_usd")).toMatchObject({ value: 1e15, qualifier: "about" });
  });

  test("quote, year, user and token rules get 422 naming the field", async () => {
    await expectRefusedWithoutWrites([
      {
        name: "quote text of 5,001 characters",
        send: (api) => api.post(`/api/v1/years/${YEAR}/quotes`, { data: { ...QUOTE, text: "q".repeat(5_001) } }),
        status: 422,
        field: "text",
      },
      {
        name: "quote without speaker",
        send: (api) => api.post(`/api/v1/years/${YEAR}/quotes`, { data: { ...QUOTE, speaker: "  " } }),
        status: 422,
        field: "speaker",
      },
      {
        name: "quote in an unknown section",
        send: (api) => api.post(`/api/v1/years/${YEAR}/quotes`, { data: { ...QUOTE, section: "nowhere" } }),
        status: 422,
        field: "section",
      },
      {
        name: "quote change to 5,001 characters",
        send: (api) => api.put(`/api/v1/quotes/${quoteId}`, { data: { ...QUOTE, text: "q".repeat(5_001), version: 1 } }),
        status: 422,
        field: "text",
      },
      {
        name: "quote change with version 0",
        send: (api) => api.put(`/api/v1/quotes/${quoteId}`, { data: { ...QUOTE, version: 0 } }),
        status: 422,
        field: "version",
      },
      {
        name: "quote delete with a text version",
        send: (api) => api.delete(`/api/v1/quotes/${quoteId}`, { data: { version: "1" } }),
        status: 422,
        field: "version",
      },
      { name: "year before 1945", send: (api) => api.post("/api/v1/years", { data: { year: 1800 } }), status: 422, field: "year" },
      { name: "year that is a word", send: (api) => api.post("/api/v1/years", { data: { year: "next" } }), status: 422, field: "year" },
      { name: "year with a fraction", send: (api) => api.post("/api/v1/years", { data: { year: 2046.5 } }), status: 422, field: "year" },
      { name: "unlock without a reason", send: () => clients.admin.post(`/api/v1/years/${YEAR}/unlock`, { data: {} }), status: 422, field: "reason" },
      {
        name: "user with a bad email",
        send: () =>
          clients.admin.post("/api/v1/users", {
            data: { name: "X", email: "not-an-email", role: "viewer", password: "copper lantern drifts over nine bridges" },
          }),
        status: 422,
        field: "email",
      },
      {
        name: "user with a common password",
        send: () => clients.admin.post("/api/v1/users", { data: { name: "X", email: "weak@example.org", role: "viewer", password: "password1234" } }),
        status: 422,
        field: "password",
      },
      {
        name: "user with an unknown role",
        send: () =>
          clients.admin.post("/api/v1/users", {
            data: { name: "X", email: "role@example.org", role: "owner", password: "copper lantern drifts over nine bridges" },
          }),
        status: 422,
        field: "role",
      },
      { name: "token without a name", send: (api) => api.post("/api/v1/me/tokens", { data: {} }), status: 422, field: "name" },
    ]);
  });

  test("malformed, empty, oversized or non-JSON bodies get 400/413/415", async () => {
    await expectRefusedWithoutWrites([
      { name: "malformed JSON", send: putRaw("peace_operations", '{"value": 13,'), status: 400 },
      { name: "a single quote is not JSON", send: putRaw("peace_operations", "{'value': 13}"), status: 400 },
      { name: "empty body", send: putRaw("peace_operations", ""), status: 400 },
      { name: "blank body", send: putRaw("peace_operations", "  \n"), status: 400 },
      { name: "a JSON number instead of an object", send: putRaw("peace_operations", "13"), status: 422 },
      { name: "text/plain", send: putRaw("peace_operations", '{"value": 13}', { "Content-Type": "text/plain" }), status: 415 },
      { name: "a form post", send: (api) => api.put(`${VALUES}/peace_operations`, { form: { value: "13" } }), status: 415 },
      {
        name: "CSV to a JSON endpoint",
        send: (api) => api.post(`/api/v1/years/${YEAR}/quotes`, { data: raw("speaker,text\nA,B\n"), headers: { "Content-Type": "text/csv" } }),
        status: 415,
      },
      { name: "over 1 MB", send: putRaw("peace_operations", JSON.stringify({ value: 13, note: "n".repeat(1_100_000) })), status: 413 },
      {
        name: "over 1 MB in bytes, not in characters",
        send: putRaw("peace_operations", JSON.stringify({ value: 13, note: "é".repeat(600_000) })),
        status: 413,
      },
      { name: "malformed JSON to a quote", send: (api) => api.post(`/api/v1/years/${YEAR}/quotes`, { data: raw("{"), headers: JSON_TYPE }), status: 400 },
      { name: "malformed JSON to a quote delete", send: (api) => api.delete(`/api/v1/quotes/${quoteId}`, { data: raw("{"), headers: JSON_TYPE }), status: 400 },
      {
        name: "text/plain to a quote delete",
        send: (api) => api.delete(`/api/v1/quotes/${quoteId}`, { data: raw('{"version": 1}'), headers: { "Content-Type": "text/plain" } }),
        status: 415,
      },
      {
        name: "over 1 MB to a quote delete",
        send: (api) =>
          api.delete(`/api/v1/quotes/${quoteId}`, { data: raw(JSON.stringify({ version: 1, reason: "r".repeat(1_100_000) })), headers: JSON_TYPE }),
        status: 413,
      },
      { name: "empty body to open a year", send: (api) => api.post("/api/v1/years", { headers: JSON_TYPE }), status: 400 },
    ]);
  });

  test("unknown things get 404 and bad path parameters 400, always as JSON", async () => {
    await expectRefusedWithoutWrites([
      { name: "unknown metric", send: put("no_such_metric", { value: 1 }), status: 404 },
      { name: "year never opened", send: (api) => api.put("/api/v1/years/2099/values/peace_operations", { data: { value: 1 } }), status: 404 },
      { name: "metric key that is not a slug", send: put("Peace-Operations", { value: 1 }), status: 400 },
      { name: "year below the range", send: (api) => api.put("/api/v1/years/1800/values/peace_operations", { data: { value: 1 } }), status: 400 },
      { name: "year above the range", send: (api) => api.put("/api/v1/years/2200/values/peace_operations", { data: { value: 1 } }), status: 400 },
      { name: "year that is not a number", send: (api) => api.put("/api/v1/years/abc/values/peace_operations", { data: { value: 1 } }), status: 400 },
      { name: "year with a fraction", send: (api) => api.put("/api/v1/years/2045.5/values/peace_operations", { data: { value: 1 } }), status: 400 },
      { name: "lock of a year that is not a number", send: () => clients.admin.post("/api/v1/years/abc/lock"), status: 400 },
      { name: "quotes of a year out of range", send: (api) => api.post("/api/v1/years/99999/quotes", { data: QUOTE }), status: 400 },
      { name: "quote id that is not a number", send: (api) => api.put("/api/v1/quotes/abc", { data: { ...QUOTE, version: 1 } }), status: 400 },
      { name: "quote that does not exist", send: (api) => api.put("/api/v1/quotes/987654", { data: { ...QUOTE, version: 1 } }), status: 404 },
      { name: "delete of a quote that does not exist", send: (api) => api.delete("/api/v1/quotes/987654"), status: 404 },
      { name: "token that is not the caller's", send: (api) => api.delete("/api/v1/me/tokens/987654"), status: 404 },
      { name: "unknown API route", send: (api) => api.get("/api/v1/no-such-thing"), status: 404 },
      { name: "unknown API route, written to", send: (api) => api.put("/api/v1/no-such-thing/1", { data: { value: 1 } }), status: 404 },
      { name: "unknown API version", send: (api) => api.post("/api/v2/years", { data: { year: 2046 } }), status: 404 },
    ]);
  });

  test("a NUL byte in any text field of any write path gets 422 naming the field, and writes nothing", async () => {
    const nul = (text: string) => `${text}\u0000${text}`;
    const metric = { key: "nul_metric", label: "NUL metric", section: "peacekeeping", unit: "count", direction: "up", description: "About it" };
    const user = { name: "Nul User", email: "nul.user@example.org", role: "viewer", password: "copper lantern drifts over nine bridges" };
    const admin = () => clients.admin;
    const cases: Case[] = [
      ...(["note", "source", "reason"] as const).map((field) => ({
        name: `value ${field}`,
        send: put("peace_operations", { value: 13, [field]: nul("x") }),
        status: 422,
        field,
      })),
      ...(["speaker", "title", "section", "text", "reason"] as const).map((field) => ({
        name: `new quote ${field}`,
        send: (api: APIRequestContext) =>
          api.post(`/api/v1/years/${YEAR}/quotes`, { data: { ...QUOTE, [field]: nul(QUOTE[field as keyof typeof QUOTE] ?? "why") } }),
        status: 422,
        field,
      })),
      ...(["speaker", "title", "text", "reason"] as const).map((field) => ({
        name: `quote change ${field}`,
        send: (api: APIRequestContext) => api.put(`/api/v1/quotes/${quoteId}`, { data: { ...QUOTE, version: 1, [field]: nul("changed") } }),
        status: 422,
        field,
      })),
      { name: "quote delete reason", send: (api) => api.delete(`/api/v1/quotes/${quoteId}`, { data: { reason: nul("gone") } }), status: 422, field: "reason" },
      { name: "year written as text with NUL", send: (api) => api.post("/api/v1/years", { data: { year: "20\u000046" } }), status: 422, field: "year" },
      { name: "unlock reason", send: () => admin().post(`/api/v1/years/${YEAR}/unlock`, { data: { reason: nul("because") } }), status: 422, field: "reason" },
      {
        name: "snapshot reason",
        send: (api) => api.post(`/api/v1/years/${YEAR}/snapshots`, { data: { reason: nul("checkpoint") } }),
        status: 422,
        field: "reason",
      },
      ...(["key", "label", "section", "description"] as const).map((field) => ({
        name: `new metric ${field}`,
        send: () => admin().post("/api/v1/metrics", { data: { ...metric, [field]: nul(metric[field]) } }),
        status: 422,
        field,
      })),
      ...(["label", "description"] as const).map((field) => ({
        name: `metric change ${field}`,
        send: () => admin().put("/api/v1/metrics/peace_operations", { data: { [field]: nul("changed") } }),
        status: 422,
        field,
      })),
      ...(["name", "email", "password"] as const).map((field) => ({
        name: `new user ${field}`,
        send: () => admin().post("/api/v1/users", { data: { ...user, [field]: nul(user[field]) } }),
        status: 422,
        field,
      })),
      {
        name: "user password change",
        send: () => admin().patch("/api/v1/users/1", { data: { password: nul("copper lantern drifts") } }),
        status: 422,
        field: "password",
      },
      { name: "token name", send: (api) => api.post("/api/v1/me/tokens", { data: { name: nul("script") } }), status: 422, field: "name" },
      { name: "a NUL in a key of the body", send: putRaw("peace_operations", '{"value": 13, "no\\u0000te": "x"}'), status: 422 },
    ];
    await expectRefusedWithoutWrites(cases);
  });

  test("a NUL byte in an imported file is refused with 422, and nothing is imported", async () => {
    const before = await state();
    const csv = "metric_key,value,note,source\npeace_operations,14,a\u0000b,\n";
    const response = await editor.post(`/api/v1/years/${YEAR}/import`, { data: raw(csv), headers: { "Content-Type": "text/csv" } });
    expect(response.status(), await response.text()).toBe(422);
    const body = (await response.json()) as { rows: { row: number; column: string; message: string }[] };
    expect(body.rows[0]?.message).toMatch(/binary|NUL/);
    expect(await state()).toEqual(before);
  });

  test("cursors past the integer range and years that are not plain digits get 400 or 404, never 2023", async () => {
    await expectRefusedWithoutWrites([
      { name: "history cursor past 2^31", send: (api) => api.get(`/api/v1/years/${YEAR}/values/peace_operations/history?before=2147483648`), status: 400 },
      { name: "history limit as hex", send: (api) => api.get(`/api/v1/years/${YEAR}/values/peace_operations/history?limit=0x10`), status: 400 },
      { name: "snapshot cursor past 2^31", send: (api) => api.get(`/api/v1/years/${YEAR}/snapshots?before=2147483648`), status: 400 },
      { name: "audit cursor past 2^31", send: () => clients.admin.get("/api/v1/audit?before=99999999999"), status: 400 },
      { name: "quote id past 2^31", send: (api) => api.delete("/api/v1/quotes/2147483648"), status: 400 },
      { name: "year in hex", send: (api) => api.get("/api/v1/years/0x7e7/values"), status: 400 },
      { name: "year with a leading space", send: (api) => api.get("/api/v1/years/%202023/values"), status: 400 },
      { name: "year in exponent form", send: (api) => api.get("/api/v1/years/2.023e3/values"), status: 400 },
      { name: "year in hex, written to", send: (api) => api.put("/api/v1/years/0x7e7/values/peace_operations", { data: { value: 1 } }), status: 400 },
      { name: "compare years in hex", send: (api) => api.get("/api/v1/compare?from=0x7e6&to=2023"), status: 400 },
    ]);
  });
});
