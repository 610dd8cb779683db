import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { operations } from "@/server/operations";
import type { RouteHandler } from "@/server/api/route";

/** Route files under app/api that serve no operation of the document, and why. */
const NOT_IN_CONTRACT: Record<string, string> = {
  "/api/[...path]": "the contract's 404 for any unknown API path, not an operation",
  "/api/auth/[...nextauth]": "next-auth's own sign-in endpoints, used by the login form",
  "/api/bench-floor": "a floor for npm run bench: 404 unless the benchmark's server sets BENCH_FLOOR=1 (docs/decisions/022-server-timing.md)",
};
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROOT = path.resolve(__dirname, "../..");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

describe("one definition per operation: route files, actions and the document", () => {
  it("serves every operation from the route file of its path, and every route file's methods from an operation", async () => {
    const served = new Set<unknown>();
    const seen = new Set<string>();
    for (const file of routeFiles(path.join(ROOT, "app", "api"))) {
      const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
      seen.add(route);
      if (NOT_IN_CONTRACT[route]) continue;
      const exports = (await import(file)) as Partial<Record<(typeof METHODS)[number], RouteHandler>>;
      const exported = METHODS.filter((m) => exports[m]);
      expect(exported.length, `${route} exports a method`).toBeGreaterThan(0);
      for (const method of exported) {
        const op = exports[method]!.operation;
        expect(op, `${method} ${route} is route(operation)`).toBeDefined();
        expect({ method: op!.method, path: op!.path }, `${method} ${route}`).toEqual({ method, path: route.replace(/\[([^\].]+)\]/g, "{$1}") });
        served.add(op);
      }
    }
    // An exclusion whose route is gone would hide a new route of the same name later.
    for (const route of Object.keys(NOT_IN_CONTRACT)) expect(seen, route).toContain(route);
    const unserved = operations.filter((op) => op.path && !served.has(op)).map((op) => `${op.method} ${op.path}`);
    expect(unserved, "operations with a path but no route file").toEqual([]);
  }, 120_000);

  it("lists each method and path once, and names every path parameter of the path", () => {
    const keys = operations.filter((op) => op.path).map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const op of operations.filter((o) => o.path)) {
      const inPath = [...op.path!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(op.params?.shape ?? {}).sort(), `${op.method} ${op.path}`).toEqual(inPath);
    }
  });

  it("documents every operation with a path, with roles, and leaves the page-only ones out", () => {
    const doc = buildOpenApiDocument(operations);
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(
      operations
        .filter((op) => op.path)
        .map((op) => `${op.method} ${op.path}`)
        .sort(),
    );
    expect(operations.some((op) => !op.path)).toBe(true);
    expect(doc.paths["/api/bench-floor"]).toBeUndefined();
  });
});

describe("OpenAPI document: export, import and snapshots", () => {
  const doc = buildOpenApiDocument(operations);
  type Op = {
    responses: Record<string, { content: Record<string, unknown> }>;
    requestBody?: { content: Record<string, unknown> };
    parameters?: { name: string; in: string }[];
  };
  const op = (path: string, method: string) => (doc.paths[path] as Record<string, Op> | undefined)?.[method];

  it("describes every new route", () => {
    for (const [path, method] of [
      ["/api/v1/years/{year}/export", "get"],
      ["/api/v1/export", "get"],
      ["/api/v1/years/{year}/import", "post"],
      ["/api/v1/years/{year}/snapshots", "get"],
      ["/api/v1/years/{year}/snapshots", "post"],
      ["/api/v1/snapshots/{id}", "get"],
      ["/api/v1/snapshots/{id}/export", "get"],
      ["/api/v1/years/{year}/blocks", "get"],
      ["/api/v1/years/{year}/blocks", "post"],
      ["/api/v1/blocks/{id}", "get"],
      ["/api/v1/blocks/{id}", "put"],
      ["/api/v1/blocks/{id}", "delete"],
      ["/api/v1/blocks/{id}/history", "get"],
      ["/api/v1/quotes/{id}/history", "get"],
      ["/api/v1/years/{year}/numbers", "get"],
      ["/api/v1/numbers/{id}", "put"],
    ]) {
      expect(op(path!, method!), `${method} ${path}`).toBeDefined();
    }
  });

  it("names the download and upload content types and the import's query and row errors", () => {
    expect(Object.keys(op("/api/v1/years/{year}/export", "get")!.responses["200"]!.content)).toEqual([
      "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/json",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]);
    const imp = op("/api/v1/years/{year}/import", "post")!;
    expect(Object.keys(imp.requestBody!.content)).toContain("text/csv");
    expect(imp.parameters!.filter((p) => p.in === "query").map((p) => p.name)).toEqual(["dryRun", "filename"]);
    expect(Object.keys(imp.responses)).toEqual(expect.arrayContaining(["200", "413", "422", "423"]));
    expect(JSON.stringify(imp.responses["422"])).toContain('"rows"');
    expect(Object.keys(op("/api/v1/years/{year}/snapshots", "post")!.responses)).toContain("201");
  });

  it("describes the sign-off routes, with the lock's body optional and its refusal's checks", () => {
    for (const [path, method] of [
      ["/api/v1/years/{year}/checks", "get"],
      ["/api/v1/years/{year}/submit", "post"],
      ["/api/v1/years/{year}/return", "post"],
      ["/api/v1/rules", "post"],
      ["/api/v1/rules/{key}", "put"],
      ["/api/v1/rules/{key}", "delete"],
      ["/api/v1/years/{year}/values/{metricKey}/comments", "post"],
      ["/api/v1/comments/{id}/resolve", "post"],
      ["/api/v1/metrics/{key}", "get"],
      ["/api/v1/metrics/{key}/breaks", "post"],
      ["/api/v1/compare/brief", "get"],
    ]) {
      expect(op(path!, method!), `${method} ${path}`).toBeDefined();
    }
    const lock = op("/api/v1/years/{year}/lock", "post")! as Op & { requestBody: { required: boolean } };
    expect(lock.requestBody.required).toBe(false);
    // Contract 1.1: a snapshot is taken with no body at all, too.
    expect((op("/api/v1/years/{year}/snapshots", "post") as Op & { requestBody: { required: boolean } }).requestBody.required).toBe(false);
    expect(JSON.stringify(lock.responses["422"])).toContain('"checks"');
  });

  it("describes the batch save of values with its row errors on 409 and 422", () => {
    const batch = op("/api/v1/years/{year}/values", "put")!;
    expect(Object.keys(batch.responses)).toEqual(expect.arrayContaining(["200", "403", "409", "422", "423"]));
    expect(JSON.stringify(batch.requestBody!.content)).toContain('"metricKey"');
    for (const status of ["409", "422"]) expect(JSON.stringify(batch.responses[status])).toContain('"rows"');
  });
});
