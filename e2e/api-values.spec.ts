import { expect, test } from "@playwright/test";
import { tokenFor } from "./api";

test.describe("values API with tokens", () => {
  test("an editor saves with the version read; a stale version gets 409 with the current row", async ({ playwright, baseURL }) => {
    const token = await tokenFor(playwright, baseURL!, "editor");
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    // Writes go to a year of this spec's own, so other specs keep the seeded figures.
    expect([201, 409]).toContain((await api.post("/api/v1/years", { data: { year: 2030 } })).status());
    const before = (await (await api.get("/api/v1/years/2030/values")).json()).values.find((v: { metricKey: string }) => v.metricKey === "peace_operations");
    expect(before).toMatchObject({ value: null, version: 0 });
    const saved = await api.put("/api/v1/years/2030/values/peace_operations", { data: { value: "12", version: before.version, reason: "e2e" } });
    expect(saved.status(), await saved.text()).toBe(200);
    expect(await saved.json()).toMatchObject({ metricKey: "peace_operations", value: 12, version: before.version + 1, updatedBy: "Edith Editor" });
    const stale = await api.put("/api/v1/years/2030/values/peace_operations", { data: { value: 13, version: before.version } });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "conflict" }, current: { value: 12, version: before.version + 1 } });
    const history = await (await api.get("/api/v1/years/2030/values/peace_operations/history")).json();
    expect(history.revisions[0]).toMatchObject({ value: 12, reason: "e2e", changedBy: "Edith Editor" });
    await api.dispose();
  });

  test("the history lists every revision, past any page size, or one page when asked", async ({ playwright, baseURL }) => {
    const token = await tokenFor(playwright, baseURL!, "editor");
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    expect([201, 409]).toContain((await api.post("/api/v1/years", { data: { year: 2030 } })).status());
    const path = "/api/v1/years/2030/values/council_field_missions";
    const start = (await (await api.get("/api/v1/years/2030/values")).json()).values.find(
      (v: { metricKey: string }) => v.metricKey === "council_field_missions",
    );
    let version: number = start.version;
    // More saves than a default page (100): "every revision" means every one.
    for (let i = 1; i <= 120; i++) {
      const saved = await api.put(path, { data: { value: i, version } });
      expect(saved.status()).toBe(200);
      version = (await saved.json()).version;
    }
    const all = await api.get(`${path}/history`);
    expect(all.status()).toBe(200);
    const body = await all.json();
    expect(body.revisions).toHaveLength(version);
    expect(body.revisions.slice(0, 2).map((r: { value: number }) => r.value)).toEqual([120, 119]);
    expect(body.nextBefore).toBeNull();

    const page = await (await api.get(`${path}/history?limit=50`)).json();
    expect(page.revisions).toHaveLength(50);
    expect(page.revisions[0]).toEqual(body.revisions[0]);
    const next = await (await api.get(`${path}/history?limit=50&before=${page.nextBefore}`)).json();
    expect(next.revisions[0]).toEqual(body.revisions[50]);
    expect((await api.get(`${path}/history?limit=0`)).status()).toBe(400);
    expect((await api.get("/api/v1/years/2030/values/no_such_metric/history")).status()).toBe(404);
    await api.dispose();
  });

  test("a viewer's token may read but not write", async ({ playwright, baseURL }) => {
    const token = await tokenFor(playwright, baseURL!, "viewer");
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    expect((await api.get("/api/v1/years")).status()).toBe(200);
    const write = await api.put("/api/v1/years/2030/values/peace_operations", { data: { value: 99 } });
    expect(write.status()).toBe(403);
    await api.dispose();
  });
});
