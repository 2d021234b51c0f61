import "next-auth";
import "@auth/core/jwt";

declare module "next-auth" {
  interface User {
    sessionId: string;
    sessionVersion: number;
    agencyId: string | null;
  }
  interface Session {
    userId: string;
    sessionId: string;
    sessionVersion: number;
    agencyId: string | null;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    /** The server-side session (sessions table) this cookie belongs to. */
    sid?: string;
    sv?: number;
    agencyId?: string | null;
  }
}
