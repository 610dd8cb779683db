/**
 * Password strength, shared by the browser's meter and the server's check so that both
 * judge a password the same way. The dictionary (~400 KB) is loaded on first use only,
 * never in a page's first-load JavaScript.
 */
import type * as ZxcvbnCore from "@zxcvbn-ts/core";

export type Strength = { score: 0 | 1 | 2 | 3 | 4; common: boolean; warning: string | null };

let loading: Promise<{ zxcvbn: typeof ZxcvbnCore.zxcvbn; common: Set<string> }> | undefined;

function load() {
  loading ??= (async () => {
    const [core, lang] = await Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]);
    core.zxcvbnOptions.setOptions({
      dictionary: { ...lang.dictionary },
      graphs: lang.adjacencyGraphs,
    });
    return { zxcvbn: core.zxcvbn, common: new Set(lang.dictionary.passwords.map((p) => p.toLowerCase())) };
  })();
  return loading;
}

export async function measurePassword(password: string): Promise<Strength> {
  const { zxcvbn, common } = await load();
  const result = zxcvbn(password.slice(0, 256));
  return {
    score: result.score,
    common: common.has(password.toLowerCase()),
    warning: result.feedback.warning || null,
  };
}

/** null when acceptable, else the reason a person can act on. */
export async function passwordProblem(password: string): Promise<string | null> {
  const strength = await measurePassword(password);
  if (strength.common) return "This password is on a list of common or breached passwords: choose another.";
  // Score 0–1 means fewer than about a million guesses (repeats, sequences, keyboard walks).
  if (strength.score <= 1) return "This password is too easy to guess: a few unrelated words make a strong one.";
  return null;
}
