import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE } from "./locales";

// One locale for now; Arabic and Sorani catalogues arrive with right-to-left support.
export default getRequestConfig(async () => {
  const locale = DEFAULT_LOCALE;
  return { locale, messages: (await import(`./messages/${locale}.json`)).default };
});
