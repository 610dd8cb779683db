import type { Role } from "@/lib/domain";

declare module "next-auth" {
  interface Session {
    user: { id: number; name: string; email: string; role: Role };
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    sv: number;
    /** Seconds since the epoch of the sign-in this session began with; never renewed. */
    authTime: number;
  }
}
