import { getLocale, getTranslations } from "next-intl/server";
import { defaultNumerals, LANGUAGE_NAMES, LOCALES, languageOf, numeralsOf } from "@/lib/i18n/locales";

/**
 * Language and digits, applied with a button rather than on change, so a
 * keyboard or screen-reader user can move through the choices without the
 * page reloading under them. Works without JavaScript. `action` is the
 * route's server action that remembers the choice (app/language-actions.ts).
 */
export async function LanguageSwitch({ action }: { action: (form: FormData) => Promise<void> }) {
  const [t, locale] = await Promise.all([getTranslations("language"), getLocale()]);
  const language = languageOf(locale);
  const numerals = numeralsOf(locale);
  // "As usual" unless the reader chose otherwise, so switching from English to Arabic brings Arabic-Indic digits.
  const chosenDigits = numerals === defaultNumerals(language) ? "" : numerals;
  return (
    // Keyed by the language: after the action React resets the form to the defaults it rendered with, which were
    // the previous language's, so the list showed the old language until a reload.
    <form key={locale} action={action} className="language-switch" aria-label={t("label")}>
      <label>
        {t("language")}
        <select name="language" defaultValue={language}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("digits")}
        <select name="numerals" defaultValue={chosenDigits}>
          <option value="">{t("usualDigits")}</option>
          <option value="latn">{t("latin")}</option>
          <option value="arab">{t("arabicIndic")}</option>
        </select>
      </label>
      <button type="submit">{t("apply")}</button>
    </form>
  );
}
