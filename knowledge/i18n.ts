import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import i18next, { type i18n, type Resource, type ResourceKey, type TFunction } from "i18next";
import { localesDir } from "./paths";
import { LANGS, type Lang } from "./schema";

export type Translate = TFunction;

/** Reads every locales/<lang>/<namespace>.json once; a missing string falls back to English, then Finnish. */
export function createI18n(dir = localesDir()): i18n {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const lang of LANGS) {
    const langDir = join(dir, lang);
    if (!existsSync(langDir)) continue;
    resources[lang] = {};
    for (const f of readdirSync(langDir).filter((n) => n.endsWith(".json"))) {
      const ns = f.replace(/\.json$/, "");
      namespaces.add(ns);
      try {
        resources[lang][ns] = JSON.parse(readFileSync(join(langDir, f), "utf8")) as ResourceKey;
      } catch (e) {
        throw new Error(`locales/${lang}/${f}: not valid JSON: ${(e as Error).message}`, { cause: e });
      }
    }
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: "fi",
    fallbackLng: ["en", "fi"],
    supportedLngs: [...LANGS],
    ns: [...namespaces],
    defaultNS: "answer",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

export function translator(i18: i18n, lang: Lang): Translate {
  return i18.getFixedT(lang);
}
