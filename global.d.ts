import type { Locale } from "./lib/i18n/locales";
import type messages from "./messages/ja.json";

// Typed translation keys: an unknown key is a compile error.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
