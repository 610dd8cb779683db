import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per call so the secret is read at run time, not during `next build`.
const handler: Handler = (req, ctx) => (NextAuth(getAuthOptions()) as Handler)(req, ctx);

export { handler as GET, handler as POST };
