import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/domain";
import { sameOrigin, signedInAs } from "./api";
import { stateOf } from "./support";

/** A browser page of its own (own cookies) signed in as `role`, from the state the first-run set-up saved. */
export async function pageAs(browser: Browser, role: Role, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, storageState: stateOf(role) });
  return context.newPage();
}

/** Opens `path` and waits for React to hydrate it, so that what the test types is the page's to handle. */
export async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** An API context with `role`'s session cookie, as a browser would have it. */
export const apiAs = signedInAs;

/** Opens a year through the API unless it exists already (a spec may be re-run on the same server). */
export async function ensureYear(api: APIRequestContext, baseURL: string, year: number) {
  const response = await api.post("/api/v1/years", { data: { year }, headers: sameOrigin(baseURL) });
  expect([201, 409], await response.text()).toContain(response.status());
}

export async function apiValue(api: APIRequestContext, year: number, metricKey: string) {
  const body = (await (await api.get(`/api/v1/years/${year}/values`)).json()) as {
    values: { metricKey: string; value: number | null; version: number; qualifier: string | null; source: string | null; note: string | null }[];
  };
  const row = body.values.find((v) => v.metricKey === metricKey);
  expect(row, metricKey).toBeTruthy();
  return row!;
}

/** One figure's row of the entry grid on the year page. */
export const rowOf = (page: Page, label: string) => page.getByRole("group", { name: label, exact: true });

/** Answers the next dialog the page opens with `answer`; the returned list receives its message. */
export function answerNextDialog(page: Page, answer: "accept" | "dismiss"): string[] {
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.message());
    void (answer === "accept" ? d.accept() : d.dismiss());
  });
  return asked;
}
