import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { email, password, personName, text } from "./fields";

export const signUpSchema = z.object({
  agencyName: text({ min: 1, max: 100 }),
  name: personName,
  email,
  password,
});

/** Confirming a sign-up from the e-mailed link: the token, and the password chosen at sign-up again. */
export const confirmSignUpSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1).max(200),
});

export const signInSchema = z.object({ email, password: z.string().min(1).max(200) });

/** A new user sets name and password; an existing user (same e-mail) confirms with their current password. */
export const acceptInviteSchema = z.object({
  token: z.string().min(20).max(200),
  name: text({ max: 80 }).default(""),
  password: z.string().min(1).max(200),
});

export const localeSchema = z.object({ locale: z.enum(LOCALES) });
export const switchAgencySchema = z.object({ agencyId: z.uuid() });
export const endSessionSchema = z.object({ sessionId: z.uuid() });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
