import { SEARCH } from "../config";
import { LANGS, type Lang } from "../schema";
import type { CompiledIndex } from "./compiled";

/** What a question says in full: the lift and whether it was a title or a keyword phrase. */
export interface Said { bonus: number; named: "title" | "phrase" }

/**
 * Every service's names and keyword phrases, indexed by the terms of their words: a question's
 * strong terms mark the words they stand for, and a name is said when all its words are marked.
 * Only names touched by the question are looked at (a few dozen, not the ten thousand).
 */
export class NameIndex {
  private readonly marks: Int32Array;

  constructor(private readonly c: CompiledIndex, private readonly termId: ReadonlyMap<string, number>) {
    this.marks = new Int32Array(c.nameService.length);
  }

  /**
   * Per service, the strongest name said in full. A Finnish title inside another language was
   * copied from a letter: it lifts more.
   */
  said(strong: Iterable<string>, lang: Lang): Map<string, Said> {
    const { nameRefStart, nameRefs, nameFull, nameBonus, nameLang, nameService, refs } = this.c;
    const touched: number[] = [];
    for (const t of strong) {
      const i = this.termId.get(t);
      if (i === undefined) continue;
      for (let k = nameRefStart[i]; k < nameRefStart[i + 1]; k++) {
        const ref = nameRefs[k];
        const n = ref >>> 5;
        if (this.marks[n] === 0) touched.push(n);
        this.marks[n] |= 1 << (ref & 31);
      }
    }
    const fi = LANGS.indexOf("fi");
    const out = new Map<string, Said>();
    for (const n of touched) {
      const complete = this.marks[n] === nameFull[n];
      this.marks[n] = 0;
      if (!complete) continue;
      const title = nameBonus[n] === SEARCH.nameBonus;
      const b = nameBonus[n] * (title && nameLang[n] === fi && lang !== "fi" ? SEARCH.borrowedNameFactor : 1);
      const service = refs[nameService[n]];
      const best = out.get(service);
      if (!best || b > best.bonus) out.set(service, { bonus: b, named: title ? "title" : "phrase" });
    }
    return out;
  }
}
