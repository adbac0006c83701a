import lunr from "lunr";
import type { Lang } from "../schema";

// lunr-languages registers its stemmers on the lunr object; they exist for these languages only.
/* eslint-disable @typescript-eslint/no-require-imports */
require("lunr-languages/lunr.stemmer.support")(lunr);
const WITH_STEMMER = ["fi", "sv", "ru", "ar", "tr"] as const;
for (const l of WITH_STEMMER) require(`lunr-languages/lunr.${l}`)(lunr);

type TokenFn = (t: lunr.Token) => lunr.Token;
const registry = lunr as unknown as Record<string, { stemmer?: TokenFn } | undefined>;

/** A word → stem function for a language; identity where lunr-languages has none. */
export function lunrStemmer(lang: Lang): (word: string) => string {
  const fn: TokenFn | undefined = lang === "en" ? (lunr.stemmer as unknown as TokenFn)
    : (WITH_STEMMER as readonly string[]).includes(lang) ? registry[lang]?.stemmer : undefined;
  if (!fn) return (w) => w;
  return (w) => fn(new lunr.Token(w, {})).toString();
}
