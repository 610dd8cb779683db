import fs from "node:fs";
import { describe, expect, it } from "vitest";

// Decision 047: nginx keeps connections to the app idle for 60 s by default, as do common load
// balancers. The app must close an idle one later than they do, or a request sent on it as the
// app closes it is lost (a 502, or a save retried on another server).
describe("npm start", () => {
  it("keeps idle connections longer than a proxy's 60 s", () => {
    const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    const keepAlive = /--keepAliveTimeout[ =](\d+)/.exec(scripts.start ?? "");
    expect(keepAlive, `npm start is "${scripts.start}"`).not.toBeNull();
    expect(Number(keepAlive![1])).toBeGreaterThan(60_000);
  });
});
