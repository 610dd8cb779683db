import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { endSessions } from "@/db/commands/sessions";
import { getEnv } from "@/lib/env";
import { authorizeCredentials } from "@/server/auth/credentials";
import { sameSiteRedirect } from "@/lib/auth/return-path";
import { sessionUser } from "@/server/auth/guard";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-lifetime";

let options: NextAuthOptions | undefined;

/** An ended session is routine (sign-out elsewhere, a password change), not an error worth a stack in the log. */
class SessionEnded extends Error {
  constructor() {
    super("The session has ended");
    this.name = "SessionEnded";
  }
}

const isSessionEnded = (metadata: unknown) => metadata instanceof SessionEnded || (metadata as { error?: unknown } | null)?.error instanceof SessionEnded;

/** Built on first use so that reading the secret (lib/env) happens at run time, not during `next build`. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().authSecret,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    logger: {
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR" && isSessionEnded(metadata)) return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, new Headers(req.headers as Record<string, string>)),
      }),
    ],
    callbacks: {
      redirect: sameSiteRedirect,
      async jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.authTime = Math.floor(Date.now() / 1000);
          return token;
        }
        // Every re-issue (GET /api/auth/session) asks the guard's question first: a thrown
        // error makes next-auth clear the cookie instead of extending an ended session.
        if (!(await sessionUser(await getDb(), token))) throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, name: token.name ?? "", email: token.email ?? "", role: token.role };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.uid === "number" && typeof token.sv === "number") await endSessions(await getDb(), token.uid, token.sv);
      },
    },
  };
  return options;
}
