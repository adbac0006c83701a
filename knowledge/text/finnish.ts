import lunr from "lunr";
import { loadVoikko, type FinnishMorphology } from "./voikko";
import { lunrStemmer } from "./stemmers";

/**
 * Finnish words to index terms. Voikko gives base forms and compound parts
 * (palkkatuen → palkkatuki, palkka, tuki); without it a suffix stemmer plus prefix
 * matching at query time does most of the work (palkkatukea → palkkatuk).
 */
export class FinnishTerms {
  private readonly stem = lunrStemmer("fi");
  constructor(private readonly morphology: FinnishMorphology | null) {}

  static create(): FinnishTerms {
    return new FinnishTerms(loadVoikko());
  }

  get hasMorphology(): boolean {
    return this.morphology !== null;
  }

  /** Whole-word terms (the word, its base forms, its stem) and compound parts apart. */
  analyze(word: string): { terms: string[]; parts: string[]; recognised: boolean } {
    const terms = new Set<string>([word]);
    const parts = new Set<string>();
    let recognised = false;
    if (this.morphology) {
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
