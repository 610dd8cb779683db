import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

const SCREEN_DIR = "test-results/screens";

/**
 * Full-page screenshots of the current page at desktop and phone width, attached to the test
 * report and kept under test-results/screens/ for people to look at.
 */
export async function screenshotBothWidths(page: Page, testInfo: TestInfo, name: string) {
  fs.mkdirSync(SCREEN_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Charts measure their container: give them a moment after a resize.
    await page.waitForTimeout(300);
    const file = path.join(SCREEN_DIR, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name}-${width}`, { path: file, contentType: "image/png" });
  }
  if (original) await page.setViewportSize(original);
}

/** No serious or critical axe-core violation on the page as it stands. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
  expect(serious, serious.join("\n")).toEqual([]);
}
