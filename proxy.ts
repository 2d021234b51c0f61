import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Only a convenience: sends anonymous visitors to /login. Every page and action authorises again.
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
