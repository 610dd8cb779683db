import { createHash, randomBytes } from "node:crypto";

const PREFIX = "rd_";

/** A random API token and what is stored of it: the sha256 and a short prefix to recognise it by. */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
