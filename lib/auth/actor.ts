import type { Role } from "@/lib/domain";

/**
 * Who is calling, once the server has resolved a session or an API token. A plain type, so that
 * db/ (whose every command takes an actor) needs nothing from the server layer to name it.
 */
export type Actor = { id: number; email: string; name: string; role: Role; via: "session" | "token" };
