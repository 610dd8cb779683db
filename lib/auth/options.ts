import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { signInWithPassword } from "@/db/commands/sign-in";
import { getEnv } from "@/lib/env";
import { signInSchema } from "@/lib/validation/user";
import { clientIpFromHeaders } from "./client-ip";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let options: NextAuthOptions | undefined;

/** Built on first use so that reading the secret (lib/env) happens at run time, not during `next build`. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error("Enter your email and password.");
          const headers = new Headers(req.headers as Record<string, string>);
          const result = await signInWithPassword(await getDb(), { ...parsed.data, ip: clientIpFromHeaders(headers) });
          // next-auth hands a thrown message back to the sign-in form as `error`.
          if (!result.ok) throw new Error(result.message);
          const { id, email, name, role, sessionVersion } = result.user;
          return { id: String(id), email, name, role, sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = user.role;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, name: token.name ?? "", email: token.email ?? "", role: token.role };
        return session;
      },
    },
  };
  return options;
}
