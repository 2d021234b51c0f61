import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE, toLocale } from "./locales";
import { messages } from "./messages";

// No locale in the URL: the locale is the user's saved choice, mirrored in a cookie so that the sign-in page
// and other public pages speak it too.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: messages[locale], timeZone: TIME_ZONE };
});
