import { SEARCH } from "../config";
import type { Lang } from "../schema";
import type { Name } from "./build";

/** What a question says in full: the lift and whether it was a title or a keyword phrase. */
export interface Said { bonus: number; named: "title" | "phrase" }

/**
 * Every service's names and keyword phrases, indexed by the terms of their words: a question's
 * strong terms mark the words they stand for, and a name is said when all its words are marked.
 * Only names touched by the question are looked at (a few dozen, not the ten thousand).
 */
export class NameIndex {
  private readonly service: string[] = [];
  private readonly bonus: number[] = [];
  private readonly lang: Lang[] = [];
  private readonly full: number[] = [];
  /** term → (name << 5 | word) for each name word the term stands for. */
  private readonly refs = new Map<string, number[]>();
  private readonly marks: Int32Array;

  constructor(names: Array<[string, Name[]]>) {
    for (const [id, list] of names) {
      for (const name of list) {
        // A word mask fits 31 words; names are a few words long (the longest has eleven).
        if (name.words.length > 31) continue;
        const n = this.service.length;
        this.service.push(id);
        this.bonus.push(name.bonus);
        this.lang.push(name.lang);
        this.full.push(2 ** name.words.length - 1);
        name.words.forEach((terms, w) => {
          for (const t of new Set(terms)) {
            const list = this.refs.get(t);
            if (list) list.push((n << 5) | w);
            else this.refs.set(t, [(n << 5) | w]);
          }
        });
      }
    }
    this.marks = new Int32Array(this.service.length);
  }

  /**
   * Per service, the strongest name said in full. A Finnish title inside another language was
   * copied from a letter: it lifts more.
   */
  said(strong: Iterable<string>, lang: Lang): Map<string, Said> {
    const touched: number[] = [];
    for (const t of strong) {
      for (const ref of this.refs.get(t) ?? []) {
        const n = ref >>> 5;
        if (this.marks[n] === 0) touched.push(n);
        this.marks[n] |= 1 << (ref & 31);
      }
    }
    const out = new Map<string, Said>();
    for (const n of touched) {
      const complete = this.marks[n] === this.full[n];
      this.marks[n] = 0;
      if (!complete) continue;
      const title = this.bonus[n] === SEARCH.nameBonus;
      const b = this.bonus[n] * (title && this.lang[n] === "fi" && lang !== "fi" ? SEARCH.borrowedNameFactor : 1);
      const best = out.get(this.service[n]);
      if (!best || b > best.bonus) out.set(this.service[n], { bonus: b, named: title ? "title" : "phrase" });
    }
    return out;
  }
}
