import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { listAudit } from "@/tests/support/audit";
import { createUser } from "./users";
import { signInAttempts } from "../schema";
import { ATTEMPTS_KEPT_MS, signInWithPassword, THROTTLE } from "./sign-in";

const PASSWORD = "copper kettle walks at dawn";

describe.each(engines)("sign-in and throttling on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { seed: false });
    await createUser(t.db, { email: "Editor@Example.org", name: "Eda", role: "editor", password: PASSWORD }, null);
    await createUser(t.db, { email: "victim@example.org", name: "Vic", role: "viewer", password: PASSWORD }, null);
  });
  afterAll(() => t.drop());

  it("signs in with the right password, whatever the email's case", async () => {
    const result = await signInWithPassword(t.db, { email: " editor@EXAMPLE.org ", password: PASSWORD, ip: "10.0.0.1" });
    expect(result).toMatchObject({ ok: true, user: { email: "editor@example.org", role: "editor" } });
  });

  it("refuses a wrong password and an unknown email with the same message, and audits both", async () => {
    const wrong = await signInWithPassword(t.db, { email: "editor@example.org", password: "not the password", ip: "10.0.0.2" });
    const unknown = await signInWithPassword(t.db, { email: "nobody@example.org", password: PASSWORD, ip: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid", message: expect.any(String) });
    expect(unknown).toEqual(wrong);
    const failures = (await listAudit(t.db)).filter((a) => a.action === "sign_in_failed");
    expect(failures.map((a) => a.actorEmail)).toEqual(expect.arrayContaining(["editor@example.org", "nobody@example.org"]));
  });

  it("locks an email for 15 minutes after 10 failures in 15 minutes, even with the right password", async () => {
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) {
      const at = new Date(start.getTime() + i * 60_000);
      const r = await signInWithPassword(t.db, { email: "victim@example.org", password: "wrong guess " + i, ip: `192.0.2.${i}` }, at);
      expect(r.ok).toBe(false);
    }
    const lastFailure = start.getTime() + (THROTTLE.maxPerEmail - 1) * 60_000;
    const during = await signInWithPassword(t.db, { email: "victim@example.org", password: PASSWORD, ip: "198.51.100.1" }, new Date(lastFailure + 60_000));
    expect(during).toMatchObject({ ok: false, reason: "throttled", message: expect.stringMatching(/locked for 14 more minutes/) });
    // Another account from the same addresses is not affected.
    const other = await signInWithPassword(t.db, { email: "editor@example.org", password: PASSWORD, ip: "192.0.2.1" }, new Date(lastFailure + 60_000));
    expect(other.ok).toBe(true);
    // A window after the last failure, the right password works again.
    const after = await signInWithPassword(
      t.db,
      { email: "victim@example.org", password: PASSWORD, ip: "198.51.100.1" },
      new Date(lastFailure + THROTTLE.window + 1_000),
    );
    expect(after.ok).toBe(true);
  });

  it("an address past its limit is paused with a message naming the address, not the account", async () => {
    const start = new Date("2026-04-01T10:00:00Z");
    for (let i = 0; i < THROTTLE.maxPerIp; i++) {
      await signInWithPassword(t.db, { email: `spray${i}@example.org`, password: "guess", ip: "203.0.113.50" }, new Date(start.getTime() + i * 1_000));
    }
    const at = new Date(start.getTime() + THROTTLE.maxPerIp * 1_000);
    const fromThere = await signInWithPassword(t.db, { email: "editor@example.org", password: PASSWORD, ip: "203.0.113.50" }, at);
    expect(fromThere).toMatchObject({ ok: false, reason: "throttled", limit: "address", message: expect.stringMatching(/network address.*not locked/) });
    // The owner elsewhere is not affected: the account was never what failed.
    expect((await signInWithPassword(t.db, { email: "editor@example.org", password: PASSWORD, ip: "198.51.100.77" }, at)).ok).toBe(true);
  });

  it("without a known address, failures count per account only, and the refusal says it is the account", async () => {
    const start = new Date("2026-05-01T10:00:00Z");
    for (let i = 0; i < THROTTLE.maxPerIp + 5; i++) {
      await signInWithPassword(t.db, { email: `anon${i}@example.org`, password: "guess", ip: null }, new Date(start.getTime() + i * 1_000));
    }
    const at = new Date(start.getTime() + 200_000);
    expect((await signInWithPassword(t.db, { email: "editor@example.org", password: PASSWORD, ip: null }, at)).ok).toBe(true);
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) {
      await signInWithPassword(t.db, { email: "editor@example.org", password: "wrong " + i, ip: null }, new Date(at.getTime() + (i + 1) * 1_000));
    }
    const locked = await signInWithPassword(t.db, { email: "editor@example.org", password: PASSWORD, ip: null }, new Date(at.getTime() + 20_000));
    expect(locked).toMatchObject({ ok: false, reason: "throttled", limit: "account", message: expect.stringMatching(/this account/) });
  });

  it("keeps a day of attempts and prunes older ones at the next sign-in", async () => {
    const now = new Date("2026-03-10T12:00:00Z");
    await t.db.insert(signInAttempts).values([
      { email: "old@example.org", ip: "198.51.100.1", success: false, at: new Date(now.getTime() - ATTEMPTS_KEPT_MS - 1_000) },
      { email: "recent@example.org", ip: "198.51.100.1", success: false, at: new Date(now.getTime() - ATTEMPTS_KEPT_MS + 60_000) },
    ]);
    await signInWithPassword(t.db, { email: "editor@example.org", password: PASSWORD, ip: "198.51.100.2" }, now);
    const left = (await t.db.select({ email: signInAttempts.email }).from(signInAttempts)).map((a) => a.email);
    expect(left).not.toContain("old@example.org");
    expect(left).toEqual(expect.arrayContaining(["recent@example.org", "editor@example.org"]));
  });

  it("does not lock when the failures are spread over more than the window", async () => {
    const start = new Date("2026-02-01T10:00:00Z");
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) {
      // 10 failures over 18 minutes.
      await signInWithPassword(t.db, { email: "victim@example.org", password: "nope " + i, ip: "203.0.113.9" }, new Date(start.getTime() + i * 120_000));
    }
    const r = await signInWithPassword(t.db, { email: "victim@example.org", password: PASSWORD, ip: "203.0.113.9" }, new Date(start.getTime() + 19 * 60_000));
    expect(r.ok).toBe(true);
  });
});
