import type { Lang } from "../schema";
import { FinnishTerms } from "./finnish";
import { lunrStemmer } from "./stemmers";
import { STOPWORDS } from "./stopwords";
import { words } from "./tokenize";

/** Index terms of a text: whole-word terms, and compound parts (weaker evidence, kept apart). */
export interface Analyzed {
  terms: string[];
  parts: string[];
  /** A morphological analyser recognised every word: no need to guess at compounds or typos. */
  known: boolean;
}

// Languages with no lunr-languages stemmer: a fixed-length prefix unifies most inflection
// (допомога/допомогу → допомо, palgatoetus/palgatoetust → palgat).
const PREFIX_STEM: Partial<Record<Lang, number>> = { uk: 6, et: 6, so: 6, fa: 6, vi: 0, zh: 0 };

export class TextAnalyzer {
  private readonly stemmers = new Map<Lang, (w: string) => string>();
  constructor(readonly finnish: FinnishTerms) {}

  private stemmer(lang: Lang): (w: string) => string {
    let s = this.stemmers.get(lang);
    if (!s) {
      const n = PREFIX_STEM[lang];
      s = n === undefined ? lunrStemmer(lang) : n === 0 ? (w: string) => w : (w: string) => (w.length > n + 1 ? w.slice(0, n) : w);
      this.stemmers.set(lang, s);
    }
    return s;
  }

  analyze(text: string, lang: Lang): Analyzed {
    return this.analyzeWords(words(text, lang === "zh" ? "zh" : "fi"), lang);
  }

  /** The same for words already segmented (a query is segmented once). */
  analyzeWords(ws: Iterable<string>, lang: Lang): Analyzed {
    const terms = new Set<string>();
    const parts = new Set<string>();
    const stop = STOPWORDS[lang];
    let known = lang === "fi" && this.finnish.hasMorphology;
    for (const w of ws) {
      if (stop.has(w) || (w.length < 2 && lang !== "zh")) continue;
      if (lang === "fi") {
        const a = this.finnish.analyze(w);
        if (!a.recognised) known = false;
        a.terms.forEach((t) => terms.add(t));
        a.parts.forEach((p) => parts.add(p));
      } else {
        const stem = this.stemmer(lang)(w);
        // "needs" is "need" after stemming, and "need" is a stopword.
        if (stop.has(stem)) continue;
        terms.add(w);
        terms.add(stem);
        if (lang === "zh" && w.length > 2) {
          for (let i = 0; i + 2 <= w.length; i++) parts.add(w.slice(i, i + 2));
        }
      }
    }
    for (const t of terms) parts.delete(t);
    // Two-letter stems ("te" from "teille") match by accident far more often than by meaning.
    const keep = (t: string) => t.length >= (lang === "zh" ? 1 : 3);
    return { terms: [...terms].filter(keep), parts: [...parts].filter(keep), known };
  }
}
