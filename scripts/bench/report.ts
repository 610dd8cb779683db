/** The machine's description and docs/benchmarks.md, shared by the benchmark and the load test. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BENCHMARKS_FILE = path.join(process.cwd(), "docs", "benchmarks.md");
/** Everything after this line belongs to the load test: the benchmark rewrites only what is above it. */
const LOAD_MARKER = "<!-- load tests: appended by npm run test:load -->";

export function machine(engines: Record<string, string>): string {
  const cpus = os.cpus();
  const lines = [
    `- CPU: ${cpus[0]?.model ?? "unknown"}, ${cpus.length} cores (load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(" / ")})`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}, Next ${packageVersion("next")}, PGlite ${packageVersion("@electric-sql/pglite")}, pg ${packageVersion("pg")}`,
    ...Object.entries(engines).map(([name, version]) => `- ${name}: ${version}`),
  ];
  return lines.join("\n");
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

export function markdownTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** Plain text for the terminal: columns padded to their widest cell. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Replaces the benchmark part of docs/benchmarks.md and keeps the load tests' results below it. */
export function writeBenchmark(markdown: string): void {
  const existing = fs.existsSync(BENCHMARKS_FILE) ? fs.readFileSync(BENCHMARKS_FILE, "utf8") : "";
  const i = existing.indexOf(LOAD_MARKER);
  const loadPart = i >= 0 ? existing.slice(i) : `${LOAD_MARKER}\n`;
  fs.writeFileSync(BENCHMARKS_FILE, `${markdown.trimEnd()}\n\n${loadPart}`);
}

export function appendLoadResult(markdown: string): void {
  const existing = fs.existsSync(BENCHMARKS_FILE) ? fs.readFileSync(BENCHMARKS_FILE, "utf8") : `# Benchmarks\n\n${LOAD_MARKER}\n`;
  const withMarker = existing.includes(LOAD_MARKER) ? existing : `${existing.trimEnd()}\n\n${LOAD_MARKER}\n`;
  fs.writeFileSync(BENCHMARKS_FILE, `${withMarker.trimEnd()}\n\n${markdown.trimEnd()}\n`);
}

export const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : "–");
