import { expect, test, type APIRequestContext } from "@playwright/test";
import { clientsFor, disposeAll, ensureYear, historyOf, ok, valueOf, valuesOf, type Caller } from "./api-clients";

/** Simultaneous writers over HTTP: optimistic versions let exactly one of them win. Writes go to 2047–2048. */
const YEAR = 2047;
const WIDE_YEAR = 2048;

let clients: Record<Caller, APIRequestContext>;

async function raceValue(api: APIRequestContext, year: number, metricKey: string, version: number, n: number) {
  const responses = await Promise.all(
    Array.from({ length: n }, (_, i) => api.put(`/api/v1/years/${year}/values/${metricKey}`, { data: { value: 500 + i, version, reason: `racer ${i}` } })),
  );
  return Promise.all(responses.map(async (r) => ({ status: r.status(), body: (await r.json()) as Record<string, unknown> })));
}

test.describe("simultaneous writes over HTTP", () => {
  test.beforeAll(async ({ baseURL, playwright }) => {
    clients = await clientsFor(playwright, baseURL!);
    await ensureYear(clients.editor, YEAR);
    await ensureYear(clients.editor, WIDE_YEAR);
  });
  test.afterAll(() => disposeAll(clients));

  for (const [label, metricKey, prime] of [
    ["a first save (version 0)", "mediation_support_assignments", false],
    ["an existing value", "mediation_country_settings", true],
  ] as const) {
    test(`20 PUTs from one version to ${label}: one 200, 19 × 409 with the winner, one new revision`, async () => {
      const editor = clients.editor;
      if (prime) {
        const { version } = await valueOf(editor, YEAR, metricKey);
        await ok(editor.put(`/api/v1/years/${YEAR}/values/${metricKey}`, { data: { value: 1, version } }));
      }
      const { version } = await valueOf(editor, YEAR, metricKey);
      const historyBefore = await historyOf(editor, YEAR, metricKey);

      // Editor and admin race from both their tokens, as two people would.
      const results = [
        ...(await Promise.all([raceValue(editor, YEAR, metricKey, version, 10), raceValue(clients.admin, YEAR, metricKey, version, 10)])).flat(),
      ];
      const won = results.filter((r) => r.status === 200);
      const lost = results.filter((r) => r.status === 409);
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
      const winner = won[0]!.body as { value: number; version: number };
      expect(winner.version).toBe(version + 1);
      for (const loss of lost) {
        expect(loss.body).toMatchObject({ error: { code: "conflict", message: expect.any(String) }, current: { value: winner.value, version: version + 1 } });
      }

      const history = await historyOf(editor, YEAR, metricKey);
      expect(history).toHaveLength(historyBefore.length + 1);
      expect(history[0]).toMatchObject({ value: winner.value, version: version + 1 });
      expect(await valueOf(editor, YEAR, metricKey)).toMatchObject({ value: winner.value, version: version + 1 });
    });
  }

  test("40 simultaneous PUTs to 40 different metrics all land, each with one revision", async () => {
    const editor = clients.editor;
    const targets = (await valuesOf(editor, WIDE_YEAR)).slice(0, 40);
    expect(targets).toHaveLength(40);
    // 10 is a valid figure in every unit (a count, 10%, $10, 10 km, km² or m²).
    const responses = await Promise.all(
      targets.map((t) => editor.put(`/api/v1/years/${WIDE_YEAR}/values/${t.metricKey}`, { data: { value: 10, version: t.version } })),
    );
    for (const [i, r] of responses.entries()) expect(r.status(), `${targets[i]!.metricKey}: ${await r.text()}`).toBe(200);
    const after = new Map((await valuesOf(editor, WIDE_YEAR)).map((v) => [v.metricKey, v]));
    for (const t of targets) expect(after.get(t.metricKey), t.metricKey).toMatchObject({ value: 10, version: t.version + 1 });
    const histories = await Promise.all(targets.map((t) => historyOf(editor, WIDE_YEAR, t.metricKey)));
    expect(histories.map((h) => h.length)).toEqual(targets.map(() => 1));
  });

  test("20 PUTs from one version to one quote: one 200, 19 × 409", async () => {
    const editor = clients.editor;
    const quote = { speaker: "Race", title: "Tester", section: "peacekeeping", text: "Before the race." };
    const { id } = await ok<{ id: number }>(editor.post(`/api/v1/years/${YEAR}/quotes`, { data: quote }));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => editor.put(`/api/v1/quotes/${id}`, { data: { ...quote, text: `Wording ${i}.`, version: 1 } })),
    );
    const statuses = responses.map((r) => r.status()).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    const winner = (await responses.find((r) => r.status() === 200)!.json()) as { text: string };
    const { quotes } = await ok<{ quotes: { id: number; text: string; version: number }[] }>(editor.get(`/api/v1/years/${YEAR}/quotes`));
    expect(quotes.find((q) => q.id === id)).toMatchObject({ text: winner.text, version: 2 });
  });
});
