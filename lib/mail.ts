import "server-only";
import nodemailer from "nodemailer";
import { env } from "./env";

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends a mail when SMTP_URL is configured; otherwise does nothing (the invite link is shown on screen). */
export async function sendMailIfConfigured(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return false;
  try {
    await nodemailer.createTransport(SMTP_URL).sendMail({ from: MAIL_FROM, ...message });
    return true;
  } catch (error) {
    // The invite exists and its link is on screen; a mail server being down must not undo it.
    console.error("[mail] could not send", error);
    return false;
  }
}
