"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Parsed catalogues by their text: a few scopes in two locales, so the map stays small. On the server every
// request renders the same few texts, which are parsed once; in the browser a page's scope is parsed once.
const parsed = new Map<string, Partial<Messages>>();

function parse(json: string): Partial<Messages> {
  let messages = parsed.get(json);
  if (!messages) {
    messages = JSON.parse(json) as Partial<Messages>;
    parsed.set(json, messages);
  }
  return messages;
}

/**
 * next-intl's client provider, given its messages as JSON text (see ClientMessages in client-messages.tsx):
 * one string in the page's payload instead of an object of some hundred strings, each of which the
 * server's payload writer and the HTML renderer would otherwise handle one by one on every request.
 */
export function MessagesProvider({
  locale,
  timeZone,
  messages,
  children,
}: {
  locale: Locale;
  timeZone: string;
  messages: string;
  children: ReactNode;
}) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={parse(messages)}>
      {children}
    </NextIntlClientProvider>
  );
}
