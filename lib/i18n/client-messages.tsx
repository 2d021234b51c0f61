import { NextIntlClientProvider, useLocale } from "next-intl";
import type { ReactNode } from "react";
import { MESSAGE_SCOPES, type MessageScope } from "./client-namespaces";
import type { Locale } from "./locales";
import { type Messages, messages } from "./messages";

type Picked = Partial<Messages>;

// The catalogues are static, so each scope's slice is cut once per locale rather than on every request.
const picked = new Map<string, Picked>();

function pick(locale: Locale, scope: MessageScope): Picked {
  const key = `${locale}:${scope}`;
  let slice = picked.get(key);
  if (!slice) {
    const catalogue = messages[locale];
    slice = Object.fromEntries(MESSAGE_SCOPES[scope].map((ns) => [ns, catalogue[ns]])) as Picked;
    picked.set(key, slice);
  }
  return slice;
}

/**
 * next-intl's client provider with only the namespaces the client components under it use. Synchronous (the
 * request's locale through useLocale), so that it is not a lazy row of its own in every page's payload.
 */
export function ClientMessages({ scope, children }: { scope: MessageScope; children: ReactNode }) {
  const locale = useLocale() as Locale;
  return (
    <NextIntlClientProvider locale={locale} messages={pick(locale, scope)}>
      {children}
    </NextIntlClientProvider>
  );
}
