import "next-auth";
import "@auth/core/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion: number;
    agencyId: string | null;
  }
  interface Session {
    userId: string;
    sessionVersion: number;
    agencyId: string | null;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    agencyId?: string | null;
  }
}
