import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { Role } from "@/lib/domain";
import { tokenFor } from "./api";

export type Caller = Role | "anonymous";
export const CALLERS: readonly Caller[] = ["anonymous", "viewer", "reviewer", "editor", "admin"];

type Playwright = { request: { newContext: (o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }) => Promise<APIRequestContext> } };

/** One request context per caller: each role with its own Bearer token, and one with no credentials. */
export async function clientsFor(playwright: Playwright, baseURL: string): Promise<Record<Caller, APIRequestContext>> {
  const clients = { anonymous: await playwright.request.newContext({ baseURL }) } as Record<Caller, APIRequestContext>;
  for (const role of ["viewer", "reviewer", "editor", "admin"] as const) {
    const token = await tokenFor(playwright, baseURL, role);
    clients[role] = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  }
  return clients;
}

export async function disposeAll(clients: Record<Caller, APIRequestContext> | undefined) {
  await Promise.all(Object.values(clients ?? {}).map((c) => c.dispose()));
}

/** The body of a 2xx answer, failing with the server's own words otherwise. */
export async function ok<T = Record<string, unknown>>(response: APIResponse | Promise<APIResponse>): Promise<T> {
  const r = await response;
  expect(r.ok(), `${r.url()} → ${r.status()} ${await r.text()}`).toBe(true);
  return (await r.json()) as T;
}

/** Opens a year (it may already be open from an earlier test of the same run). */
export async function ensureYear(api: APIRequestContext, year: number) {
  const response = await api.post("/api/v1/years", { data: { year } });
  expect([201, 409], await response.text()).toContain(response.status());
}

export type ValueRow = { metricKey: string; value: number | null; version: number; note: string | null; source: string | null; qualifier: string | null };

export async function valuesOf(api: APIRequestContext, year: number): Promise<ValueRow[]> {
  return (await ok<{ values: ValueRow[] }>(api.get(`/api/v1/years/${year}/values`))).values;
}

export async function valueOf(api: APIRequestContext, year: number, metricKey: string): Promise<ValueRow> {
  const row = (await valuesOf(api, year)).find((v) => v.metricKey === metricKey);
  expect(row, `${metricKey} in ${year}`).toBeDefined();
  return row!;
}

/** The value's revisions, newest first; [] while it has never been saved. */
export async function historyOf(api: APIRequestContext, year: number, metricKey: string): Promise<{ value: number | null; version: number }[]> {
  const response = await api.get(`/api/v1/years/${year}/values/${metricKey}/history?limit=500`);
  if (response.status() === 404) return [];
  return (await ok<{ revisions: { value: number | null; version: number }[] }>(response)).revisions;
}
