import lunr from "lunr";
import { loadVoikko, type FinnishMorphology } from "./voikko";
import { lunrStemmer } from "./stemmers";
import { BoundedMemo } from "../memo";

export interface FinnishAnalysis { readonly terms: readonly string[]; readonly parts: readonly string[]; readonly recognised: boolean }

const LATIN = /[a-zäöåšž]/i;

/** A word is analysed several times per question (language, search, vocabulary): once is enough. */
const MEMO_BYTES = 2_000_000;

/**
 * Finnish words to index terms. Voikko gives base forms and compound parts
 * (palkkatuen → palkkatuki, palkka, tuki); without it a suffix stemmer plus prefix
 * matching at query time does most of the work (palkkatukea → palkkatuk).
 */
export class FinnishTerms {
  private readonly stem = lunrStemmer("fi");
  private readonly memo = new BoundedMemo<FinnishAnalysis>(MEMO_BYTES, (a, k) => 96 + 2 * k.length + [...a.terms, ...a.parts].reduce((n, t) => n + 24 + 2 * t.length, 0));
  constructor(private readonly morphology: FinnishMorphology | null) {}

  static create(): FinnishTerms {
    return new FinnishTerms(loadVoikko());
  }

  get hasMorphology(): boolean {
    return this.morphology !== null;
  }

  /** Whole-word terms (the word, its base forms, its stem) and compound parts apart. */
  analyze(word: string): FinnishAnalysis {
    const known = this.memo.get(word);
    if (known) return known;
    const a = this.analyzeOnce(word);
    this.memo.set(word, a);
    return a;
  }

  private analyzeOnce(word: string): FinnishAnalysis {
    const terms = new Set<string>([word]);
    const parts = new Set<string>();
    let recognised = false;
    // Finnish is written in Latin letters: a Cyrillic, Arabic or Chinese word is never one of its words.
    if (this.morphology && LATIN.test(word)) {
      const a = this.morphology.analyze(word);
      recognised = a.baseForms.length > 0;
      for (const b of a.baseForms) terms.add(b.replace(/-/g, ""));
      if (a.parts.length > 1) for (const p of a.parts) if (p.length >= 3) parts.add(p);
    }
    terms.add(this.stem(word));
    return { terms: [...terms], parts: [...parts], recognised };
  }
}

export type { FinnishMorphology };
export { lunr };
