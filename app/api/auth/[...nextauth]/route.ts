import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";
import { withApiHeaders } from "@/lib/http/security-headers";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per call so the secret is read at run time, not during `next build`.
const handler: Handler = async (req, ctx) => withApiHeaders(await (NextAuth(getAuthOptions()) as Handler)(req, ctx), req);

export { handler as GET, handler as POST };
