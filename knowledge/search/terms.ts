import { SEARCH } from "../config";
import type { CompiledIndex } from "./compiled";


/**
 * One query word and the index terms that stand for it, each with a weight. `ids` is -1 for a
 * word that is only a surface form (it matches no posting, but still marks the word as known).
 */
export interface Group { terms: string[]; ids: number[]; weights: number[] }

/**
 * True when one substitution, insertion, deletion or swap of neighbours turns a into b. Linear
 * time: this runs for every unknown long word against a few dozen candidates.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The index's vocabulary as numbered terms with their languages (bit masks) and rarity, sorted
 * for prefix lookups and bucketed by first letter and length for one-typo lookups.
 */
export class TermTable {
  readonly id = new Map<string, number>();
  readonly term: string[];
  private readonly langs: Uint16Array;
  readonly idf: Float64Array;
  /** Words as written in the content (not stems): only these match across languages. */
  private readonly surface: Set<string>;
  private readonly sorted: string[];
  private readonly sortedIds: Int32Array;
  private readonly byShape = new Map<string, number[]>();
  /** Terms from here on are words only names use: no postings. */
  private readonly indexTerms: number;

  constructor(c: CompiledIndex) {
    this.term = c.terms;
    this.indexTerms = c.indexTerms;
    c.terms.forEach((t, i) => this.id.set(t, i));
    // Words only names use have no languages and no postings: expansions never reach them.
    this.langs = new Uint16Array(c.terms.length);
    this.langs.set(c.langs);
    this.idf = new Float64Array(c.terms.length).fill(Math.log(1 + c.docCount / 0.5));
    this.idf.set(c.idf);
    this.surface = new Set(c.surface);
    this.sortedIds = c.sorted;
    this.sorted = Array.from(c.sorted, (i) => c.terms[i]);
    for (const i of c.sorted) {
      const t = c.terms[i];
      if (t.length < 6) continue;
      const key = `${t[0]}${t.length}`;
      const list = this.byShape.get(key);
      if (list) list.push(i);
      else this.byShape.set(key, [i]);
    }
  }

  /** Rarity of a term the index does not hold is that of a term in no document. */
  private idfOf(id: number | undefined, docCount: number): number {
    return id === undefined ? Math.log(1 + docCount / 0.5) : this.idf[id];
  }

  /**
   * Index terms that a query term stands for: itself, longer forms, known pieces, one-typo
   * variants. Prefix and typo matches stay within `mask`'s languages (the question's and
   * Finnish), so Swedish "recept" never finds English "reception".
   */
  expand(term: string, mask: number, into: Map<string, number>, base: number, guess: boolean, docCount: number): void {
    const put = (t: string, w: number) => into.set(t, Math.max(into.get(t) ?? 0, w));
    const own = this.id.get(term);
    const inLangs = (i: number | undefined) => i !== undefined && (this.langs[i] & mask) !== 0;
    // Another language's word counts when written in full and long enough to be a name
    // ("kotoutumissuunnitelma" in Russian); its stems do not (Swedish "recept" ≠ English "recept-ion").
    if (inLangs(own) || (this.surface.has(term) && term.length >= 5)) put(term, base * SEARCH.exact);
    if (term.length >= 4) {
      // Longer index terms that start with this one: "palkkatu" → "palkkatuki".
      let lo = 0;
      let hi = this.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.sorted[mid] < term) lo = mid + 1;
        else hi = mid;
      }
      const idfTerm = this.idfOf(own, docCount);
      for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(term); i++) {
        const v = this.sorted[i];
        const vi = this.sortedIds[i];
        // A rare inflected form ("kurssin") is no stronger evidence than the word asked ("kurssi").
        if (v !== term && term.length / v.length >= 0.55 && (this.langs[vi] & mask) !== 0) {
          put(v, base * SEARCH.prefix * Math.min(1, idfTerm / this.idf[vi]));
        }
      }
    }
    if (guess && term.length >= 7) {
      // Known words inside an unknown compound ("työkokeilupaikka" → työkokeilu)...
      for (let k = 5; k <= term.length - 3; k++) {
        for (const v of [term.slice(0, k), term.slice(term.length - k)]) {
          if (v.length / term.length >= 0.4 && inLangs(this.id.get(v))) put(v, base * SEARCH.piece);
        }
      }
      // ...and one typo away from a known word, same first letter.
      for (const len of [term.length - 1, term.length, term.length + 1]) {
        for (const vi of this.byShape.get(`${term[0]}${len}`) ?? []) {
          const v = this.term[vi];
          if ((this.langs[vi] & mask) !== 0 && v !== term && oneEditApart(v, term)) put(v, base * SEARCH.typo);
        }
      }
    }
  }

  /** A group as parallel arrays, with the index's term numbers. */
  group(found: Map<string, number>): Group {
    const terms = [...found.keys()];
    const ids = terms.map((t) => this.id.get(t) ?? -1).map((i) => (i < this.indexTerms ? i : -1));
    return { terms, ids, weights: [...found.values()] };
  }
}
