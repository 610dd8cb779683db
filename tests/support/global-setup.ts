import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { writeTemplate } from "@/db/pglite-template";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * One initialised PGlite cluster for the whole run: every in-memory test database starts
 * from it (about 1.5 s) instead of running initdb (about 3 s) again.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-vitest-"));
  const file = path.join(dir, "pglite-template.tar");
  await writeTemplate(file);
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
