/**
 * First-load JavaScript of each page, from the build output. Next 16 (Turbopack) writes, per app
 * route, `.next/server/app/<route>/page_client-reference-manifest.js`, whose `entryJSFiles`
 * lists the chunks of every segment on the route (root layout, group layouts, error and
 * not-found boundaries, the page); `.next/build-manifest.json` lists the runtime chunks
 * (`rootMainFiles`) every page loads. Their union is what a first visit downloads before the
 * page is interactive. Sizes are gzipped with zlib's default level, as Next's own report did.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

export type PageBundle = { route: string; files: number; gzipKb: number };

const NEXT = path.join(process.cwd(), ".next");

function walk(dir: string, found: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, found);
    else if (e.name === "page_client-reference-manifest.js") found.push(p);
  }
  return found;
}

/** `/(app)/years/[year]/page` → `/years/[year]`. */
function routeOf(key: string): string {
  const parts = key.split("/").filter((s) => s && s !== "page" && !/^\(.*\)$/.test(s));
  return "/" + parts.join("/");
}

export function firstLoadJs(): PageBundle[] {
  const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const gz = new Map<string, number>();
  const sizeOf = (file: string) => {
    let n = gz.get(file);
    if (n === undefined) {
      n = zlib.gzipSync(fs.readFileSync(path.join(NEXT, file))).length;
      gz.set(file, n);
    }
    return n;
  };
  const pages: PageBundle[] = [];
  for (const file of walk(path.join(NEXT, "server", "app"))) {
    // The manifest is a script that assigns to globalThis.__RSC_MANIFEST: run it in a sandbox.
    const sandbox = { globalThis: {} as Record<string, unknown> };
    vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
    const manifests = (sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<string, { entryJSFiles?: Record<string, string[]> }>;
    for (const [key, manifest] of Object.entries(manifests)) {
      if (key.startsWith("/_")) continue;
      const files = new Set(build.rootMainFiles ?? []);
      for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
      const bytes = [...files].reduce((n, f) => n + sizeOf(f), 0);
      pages.push({ route: routeOf(key), files: files.size, gzipKb: bytes / 1024 });
    }
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}
