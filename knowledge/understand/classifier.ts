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

/**
 * Nearest examples by character n-gram TF-IDF cosine: a classifier trained on the content's
 * example phrasings when the content loads, with no model to download and no stemmer.
 * The postings live in flat typed arrays (one slice per n-gram), so a query costs one pass
 * over the postings of its n-grams and allocates almost nothing.
 */
export class ExampleClassifier {
  /** n-gram hash → its row in the postings. */
  private readonly row = new Map<number, number>();
  private readonly idf: Float32Array;
  private readonly start: Int32Array;
  private readonly postDoc: Int32Array;
  private readonly postWeight: Float32Array;
  private readonly docLabel: Int32Array;
  readonly labels: string[] = [];
  private readonly scores: Float32Array;
  private readonly maxPostings: number;

  constructor(examples: Array<{ label: string; text: string }>, private readonly config: ClassifierConfig) {
    const labelIndex = new Map<string, number>();
    const docFeatures: Int32Array[] = [];
    const docCounts: Float32Array[] = [];
    const labelOf: number[] = [];
    const df: number[] = [];
    const scratch = new Map<number, number>();
    for (const e of examples) {
      scratch.clear();
      features(e.text, scratch);
      if (scratch.size === 0) continue;
      let li = labelIndex.get(e.label);
      if (li === undefined) {
        li = this.labels.length;
        labelIndex.set(e.label, li);
        this.labels.push(e.label);
      }
      const rows = new Int32Array(scratch.size);
      const tfs = new Float32Array(scratch.size);
      let i = 0;
      for (const [f, tf] of scratch) {
        let r = this.row.get(f);
        if (r === undefined) {
          r = df.length;
          this.row.set(f, r);
          df.push(0);
        }
        df[r]++;
        rows[i] = r;
        tfs[i++] = tf;
      }
      docFeatures.push(rows);
      docCounts.push(tfs);
      labelOf.push(li);
    }
    const n = docFeatures.length;
    this.idf = Float32Array.from(df, (d) => Math.log(1 + n / d));
    this.start = new Int32Array(df.length + 1);
    for (let r = 0; r < df.length; r++) this.start[r + 1] = this.start[r] + df[r];
    this.postDoc = new Int32Array(this.start[df.length]);
    this.postWeight = new Float32Array(this.start[df.length]);
    const fill = this.start.slice(0, df.length);
    for (let d = 0; d < n; d++) {
      const rows = docFeatures[d];
      const tfs = docCounts[d];
      let norm = 0;
      for (let i = 0; i < rows.length; i++) {
        tfs[i] = (1 + Math.log(tfs[i])) * this.idf[rows[i]];
        norm += tfs[i] * tfs[i];
      }
      norm = Math.sqrt(norm);
      for (let i = 0; i < rows.length; i++) {
        const at = fill[rows[i]]++;
        this.postDoc[at] = d;
        this.postWeight[at] = tfs[i] / norm;
      }
    }
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
    const rows: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [f, tf] of q) {
      const r = this.row.get(f);
      if (r === undefined) continue;
      const v = (1 + Math.log(tf)) * this.idf[r];
      norm += v * v;
      if (this.start[r + 1] - this.start[r] <= this.maxPostings) {
        rows.push(r);
        weights.push(v);
      }
    }
    if (rows.length === 0) return [];
    norm = Math.sqrt(norm);
    const scores = this.scores;
    const touched: number[] = [];
    for (let k = 0; k < rows.length; k++) {
      const qv = weights[k] / norm;
      for (let i = this.start[rows[k]], end = this.start[rows[k] + 1]; i < end; i++) {
        const d = this.postDoc[i];
        if (scores[d] === 0) touched.push(d);
        scores[d] += qv * this.postWeight[i];
      }
    }
    // Per label: its best and second-best example.
    const first = new Float32Array(this.labels.length);
    const second = new Float32Array(this.labels.length);
    const seen: number[] = [];
    for (const d of touched) {
      const s = scores[d];
      scores[d] = 0;
      const l = this.docLabel[d];
      if (first[l] === 0 && second[l] === 0) seen.push(l);
      if (s > first[l]) {
        second[l] = first[l];
        first[l] = s;
      } else if (s > second[l]) second[l] = s;
    }
    const w = this.config.secondWeight;
    return seen
      .map((l) => ({ label: this.labels[l], score: Math.min(1, (first[l] + w * second[l]) / (1 + w)) }))
      .sort((x, y) => y.score - x.score);
  }
}
