import type { MetadataRoute } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { directionOf, languageOf } from "@/lib/i18n/locales";

// The web app manifest: with the service worker (service-worker/sw.ts) it makes the app installable, so a
// partner's team opens it from the phone's home screen like any other app, connected or not.
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [t, locale] = await Promise.all([getTranslations("offline"), getLocale()]);
  return {
    name: t("manifestName"),
    short_name: t("manifestShortName"),
    lang: languageOf(locale),
    dir: directionOf(locale),
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    // The sidebar's colour (globals.css), so the installed app's title bar matches it.
    theme_color: "#12324a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
