import { useLocale } from "next-intl";
import type { ReactNode } from "react";
import { MESSAGE_SCOPES, type MessageScope } from "./client-namespaces";
import { type Locale, TIME_ZONE } from "./locales";
import { messages } from "./messages";
import { MessagesProvider } from "./messages-provider";

// The catalogues are static, so each scope's slice is cut and written out once per locale rather than on every
// request.
const serialized = new Map<string, string>();

function slice(locale: Locale, scope: MessageScope): string {
  const key = `${locale}:${scope}`;
  let json = serialized.get(key);
  if (json === undefined) {
    const catalogue = messages[locale];
    json = JSON.stringify(Object.fromEntries(MESSAGE_SCOPES[scope].map((ns) => [ns, catalogue[ns]])));
    serialized.set(key, json);
  }
  return json;
}

/**
 * next-intl's client provider with only the namespaces the client components under it use, sent as one JSON
 * text (MessagesProvider parses it). Synchronous (the request's locale through useLocale), so that it is not a
 * lazy row of its own in every page's payload.
 */
export function ClientMessages({ scope, children }: { scope: MessageScope; children: ReactNode }) {
  const locale = useLocale() as Locale;
  return (
    <MessagesProvider locale={locale} timeZone={TIME_ZONE} messages={slice(locale, scope)}>
      {children}
    </MessagesProvider>
  );
}
