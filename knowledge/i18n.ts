import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import i18next, { type i18n, type Resource, type ResourceKey } from "i18next";
import { BoundedMemo } from "./memo";
import { localesDir } from "./paths";
import { LANGS, type Lang } from "./schema";

/** A string in one language, by key, with its placeholders filled. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Rendered strings by language, key and values: answers repeat the same few hundred sentences. */
const STRINGS_MEMO_BYTES = 2_000_000;

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

const memos = new WeakMap<i18n, BoundedMemo<string>>();
const translators = new WeakMap<i18n, Map<Lang, Translate>>();

export function translator(i18: i18n, lang: Lang): Translate {
  let byLang = translators.get(i18);
  if (!byLang) translators.set(i18, (byLang = new Map()));
  let made = byLang.get(lang);
  if (!made) byLang.set(lang, (made = makeTranslator(i18, lang)));
  return made;
}

function makeTranslator(i18: i18n, lang: Lang): Translate {
  const t = i18.getFixedT(lang);
  let memo = memos.get(i18);
  if (!memo) memos.set(i18, (memo = new BoundedMemo<string>(STRINGS_MEMO_BYTES, (v, k) => 2 * (k.length + v.length) + 64)));
  const strings = memo;
  return (key, options) => {
    const id = options === undefined ? `${lang}\u0000${key}` : `${lang}\u0000${key}\u0000${JSON.stringify(options)}`;
    const known = strings.get(id);
    if (known !== undefined) return known;
    const s = t(key, options);
    strings.set(id, s);
    return s;
  };
}
