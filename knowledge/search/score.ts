import type { CompiledIndex } from "./compiled";
import type { Group } from "./terms";

/**
 * Which services hold which terms, as flat arrays: term i's postings are doc/boost[start[i] ..
 * start[i + 1]), where boost is the weight of the best field the term is in for that service.
 */
export class Postings {
  readonly refs: string[];
  private readonly start: Int32Array;
  private readonly doc: Int32Array;
  private readonly boost: Float64Array;
  /** Per-query scratch, reused: a service's best weight for the current word, and its totals. */
  private readonly best: Float64Array;
  private readonly score: Float64Array;
  private readonly matched: Float64Array;
  private readonly seen: Uint8Array;

  constructor(c: CompiledIndex) {
    ({ refs: this.refs, postStart: this.start, postDoc: this.doc, postBoost: this.boost } = c);
    const n = this.refs.length;
    this.best = new Float64Array(n);
    this.score = new Float64Array(n);
    this.matched = new Float64Array(n);
    this.seen = new Uint8Array(n);
  }

  /**
   * Each query word counts once per service, by its best term and field, weighted by how rare the
   * term is and how it was found. Services come out in the order they were first met.
   */
  rank(groups: Group[], weightOf: number[], idf: Float64Array): Array<{ id: string; score: number; matched: number }> {
    const { start, doc, boost, best, score, matched, seen } = this;
    const order: number[] = [];
    const touched: number[] = [];
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi];
      for (let k = 0; k < g.ids.length; k++) {
        const t = g.ids[k];
        if (t < 0) continue;
        const w = g.weights[k] * idf[t];
        for (let p = start[t], end = start[t + 1]; p < end; p++) {
          const d = doc[p];
          if (!seen[d]) { seen[d] = 1; order.push(d); }
          const v = w * boost[p];
          if (best[d] === 0) touched.push(d);
          if (v > best[d]) best[d] = v;
        }
      }
      for (const d of touched) {
        if (best[d] > 0) { score[d] += best[d]; matched[d] += weightOf[gi]; }
        best[d] = 0;
      }
      touched.length = 0;
    }
    const hits = order.map((d) => ({ id: this.refs[d], score: score[d], matched: matched[d] }));
    for (const d of order) { score[d] = 0; matched[d] = 0; seen[d] = 0; }
    return hits;
  }
}
