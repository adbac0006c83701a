import { features } from "./ngrams";

export interface LabelScore {
  label: string;
  /** Cosine similarity to the label's closest examples, 0..1. */
  score: number;
}

export interface ClassifierConfig {
  /** An n-gram in more than this share of all examples says nothing and costs time: skipped. */
  maxDocShare: number;
  /** A label's score: its best example, plus this share of its second best. */
  secondWeight: number;
}

interface Posting {
  docs: Int32Array;
  weights: Float32Array;
}

/**
 * Nearest examples by character n-gram TF-IDF cosine: a classifier trained on the content's
 * example phrasings when the content loads, with no model to download and no stemmer.
 * A query costs one pass over the postings of its n-grams.
 */
export class ExampleClassifier {
  private readonly postings = new Map<number, Posting>();
  private readonly idf = new Map<number, number>();
  private readonly docLabel: Int32Array;
  readonly labels: string[];
  private readonly scores: Float32Array;
  private readonly maxPostings: number;

  constructor(examples: Array<{ label: string; text: string }>, private readonly config: ClassifierConfig) {
    const labelIndex = new Map<string, number>();
    this.labels = [];
    const docs: Array<Map<number, number>> = [];
    const labelOf: number[] = [];
    const df = new Map<number, number>();
    for (const e of examples) {
      const f = features(e.text);
      if (f.size === 0) continue;
      let li = labelIndex.get(e.label);
      if (li === undefined) {
        li = this.labels.length;
        labelIndex.set(e.label, li);
        this.labels.push(e.label);
      }
      docs.push(f);
      labelOf.push(li);
      for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    }
    const n = docs.length;
    for (const [k, d] of df) this.idf.set(k, Math.log(1 + n / d));
    const lists = new Map<number, { docs: number[]; weights: number[] }>();
    docs.forEach((f, di) => {
      let norm = 0;
      const w = new Map<number, number>();
      for (const [k, tf] of f) {
        const v = (1 + Math.log(tf)) * this.idf.get(k)!;
        w.set(k, v);
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      for (const [k, v] of w) {
        let l = lists.get(k);
        if (!l) lists.set(k, (l = { docs: [], weights: [] }));
        l.docs.push(di);
        l.weights.push(v / norm);
      }
    });
    for (const [k, l] of lists) this.postings.set(k, { docs: Int32Array.from(l.docs), weights: Float32Array.from(l.weights) });
    this.docLabel = Int32Array.from(labelOf);
    this.scores = new Float32Array(n);
    this.maxPostings = Math.max(50, Math.floor(n * config.maxDocShare));
  }

  get size(): number {
    return this.docLabel.length;
  }

  /** Labels ranked by similarity to the text; only labels with some overlap appear. */
  classify(text: string): LabelScore[] {
    const q = features(text);
    const weights: Array<[Posting, number]> = [];
    let norm = 0;
    for (const [k, tf] of q) {
      const idf = this.idf.get(k);
      if (idf === undefined) continue;
      const v = (1 + Math.log(tf)) * idf;
      norm += v * v;
      const p = this.postings.get(k)!;
      if (p.docs.length <= this.maxPostings) weights.push([p, v]);
    }
    if (weights.length === 0) return [];
    norm = Math.sqrt(norm);
    const scores = this.scores;
    const touched: number[] = [];
    for (const [p, v] of weights) {
      const qv = v / norm;
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i];
        if (scores[d] === 0) touched.push(d);
        scores[d] += qv * p.weights[i];
      }
    }
    const best = new Map<number, [number, number]>();
    for (const d of touched) {
      const s = scores[d];
      scores[d] = 0;
      const l = this.docLabel[d];
      const b = best.get(l);
      if (!b) best.set(l, [s, 0]);
      else if (s > b[0]) best.set(l, [s, b[0]]);
      else if (s > b[1]) b[1] = s;
    }
    const out: LabelScore[] = [];
    for (const [l, [a, b]] of best) {
      out.push({ label: this.labels[l], score: Math.min(1, (a + this.config.secondWeight * b) / (1 + this.config.secondWeight)) });
    }
    return out.sort((x, y) => y.score - x.score);
  }
}
