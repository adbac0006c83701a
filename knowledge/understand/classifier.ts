import { pack, typed, unpack, type Typed } from "../binary";
import { featureHashes, features } from "./ngrams";

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
/** The trained model as flat arrays: built from the examples or read back from a snapshot. */
export interface ClassifierState {
  labels: string[];
  /** n-gram hashes, in row order. */
  features: Int32Array;
  idf: Float32Array;
  /** Row r's postings are postDoc/postWeight[start[r] .. start[r + 1]). */
  start: Int32Array;
  postDoc: Int32Array;
  postWeight: Float32Array;
  docLabel: Int32Array;
  /** n-gram hash → row, by open addressing: slot h & (size - 1) onwards holds hash and row (-1: empty). */
  slotHash: Int32Array;
  slotRow: Int32Array;
}

/** A table twice the n-grams' number, rounded up to a power of two: probes stay short. */
function hashTable(features: Int32Array): { slotHash: Int32Array; slotRow: Int32Array } {
  let size = 1;
  while (size < 2 * features.length) size <<= 1;
  const slotHash = new Int32Array(size).fill(-1);
  const slotRow = new Int32Array(size);
  features.forEach((f, r) => {
    let i = f & (size - 1);
    while (slotHash[i] !== -1) i = (i + 1) & (size - 1);
    slotHash[i] = f;
    slotRow[i] = r;
  });
  return { slotHash, slotRow };
}

export class ExampleClassifier {
  private readonly slotHash: Int32Array;
  private readonly slotRow: Int32Array;
  private readonly idf: Float32Array;
  private readonly start: Int32Array;
  private readonly postDoc: Int32Array;
  private readonly postWeight: Float32Array;
  private readonly docLabel: Int32Array;
  readonly labels: string[];
  private readonly scores: Float32Array;
  private readonly maxPostings: number;

  constructor(readonly state: ClassifierState, private readonly config: ClassifierConfig) {
    ({ slotHash: this.slotHash, slotRow: this.slotRow } = state);
    ({ idf: this.idf, start: this.start, postDoc: this.postDoc, postWeight: this.postWeight, docLabel: this.docLabel, labels: this.labels } = state);
    this.scores = new Float32Array(this.docLabel.length);
    this.touched = new Int32Array(this.docLabel.length);
    const nl = this.labels.length;
    this.first = new Float32Array(nl);
    this.second = new Float32Array(nl);
    this.seen = new Int32Array(nl);
    this.topLabel = new Int32Array(nl);
    this.topScore = new Float64Array(nl);
    this.maxPostings = Math.max(50, Math.floor(this.docLabel.length * config.maxDocShare));
  }

  /** TF-IDF vectors of every example, L2-normalised, stored by n-gram. */
  static train(examples: Array<{ label: string; text: string }>): ClassifierState {
    const labels: string[] = [];
    const labelIndex = new Map<string, number>();
    const row = new Map<number, number>();
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
        li = labels.length;
        labelIndex.set(e.label, li);
        labels.push(e.label);
      }
      const rows = new Int32Array(scratch.size);
      const tfs = new Float32Array(scratch.size);
      let i = 0;
      for (const [f, tf] of scratch) {
        let r = row.get(f);
        if (r === undefined) {
          r = df.length;
          row.set(f, r);
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
    const idf = Float32Array.from(df, (d) => Math.log(1 + n / d));
    const start = new Int32Array(df.length + 1);
    for (let r = 0; r < df.length; r++) start[r + 1] = start[r] + df[r];
    const postDoc = new Int32Array(start[df.length]);
    const postWeight = new Float32Array(start[df.length]);
    const fill = start.slice(0, df.length);
    for (let d = 0; d < n; d++) {
      const rows = docFeatures[d];
      const tfs = docCounts[d];
      let norm = 0;
      for (let i = 0; i < rows.length; i++) {
        tfs[i] = (1 + Math.log(tfs[i])) * idf[rows[i]];
        norm += tfs[i] * tfs[i];
      }
      norm = Math.sqrt(norm);
      for (let i = 0; i < rows.length; i++) {
        const at = fill[rows[i]]++;
        postDoc[at] = d;
        postWeight[at] = tfs[i] / norm;
      }
    }
    const featureList = Int32Array.from(row.keys());
    return { labels, features: featureList, idf, start, postDoc, postWeight, docLabel: Int32Array.from(labelOf), ...hashTable(featureList) };
  }

  /** The state as one buffer: the labels, then the arrays, read back as views (binary.ts). */
  static encode(st: ClassifierState): Buffer {
    const { labels, ...arrays } = st;
    return pack({ labels }, arrays);
  }

  static decode(b: Buffer): ClassifierState {
    const { meta, arrays } = unpack(b);
    const labels = (meta as { labels?: unknown }).labels;
    if (!Array.isArray(labels) || !labels.every((l): l is string => typeof l === "string")) throw new Error("snapshot: no labels");
    const get = <T extends Typed>(k: string, make: new (...args: never[]) => T): T => typed(arrays, k, make);
    return {
      labels, features: get("features", Int32Array), idf: get("idf", Float32Array), start: get("start", Int32Array),
      postDoc: get("postDoc", Int32Array), postWeight: get("postWeight", Float32Array), docLabel: get("docLabel", Int32Array),
      slotHash: get("slotHash", Int32Array), slotRow: get("slotRow", Int32Array),
    };
  }

  /** The row of an n-gram hash, or -1. */
  private rowOf(h: number): number {
    const mask = this.slotHash.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const f = this.slotHash[i];
      if (f === h) return this.slotRow[i];
      if (f === -1) return -1;
    }
  }

  get size(): number {
    return this.docLabel.length;
  }

  /** Per-query scratch, reused: the text's n-gram hashes, and per label its best two examples. */
  private readonly scratch = { hashes: new Int32Array(1024), weights: new Float64Array(1024) };
  /** The examples a query met, in the order met (at most every example once). */
  private readonly touched: Int32Array;
  /** Per label, its best and second-best example's score; the labels met, in the order met; the leaders. */
  private readonly first: Float32Array;
  private readonly second: Float32Array;
  private readonly seen: Int32Array;
  private readonly topLabel: Int32Array;
  private readonly topScore: Float64Array;

  /**
   * Labels ranked by similarity to the text, the best `limit` of them; only labels with some
   * overlap appear. The query allocates almost nothing: its n-grams are sorted and counted in
   * a reused buffer, and the examples' scores live in a reused array.
   */
  classify(text: string, limit = Infinity): LabelScore[] {
    const n = featureHashes(text, this.scratch);
    const hashes = this.scratch.hashes.subarray(0, n).sort();
    const { scores, start, postDoc, postWeight, docLabel, idf } = this;
    // Each distinct n-gram once, with its count: a run of equal hashes in the sorted buffer.
    let norm = 0;
    let kept = 0;
    const rows = this.scratch.hashes;
    if (this.scratch.weights.length < n) this.scratch.weights = new Float64Array(this.scratch.hashes.length);
    const weights = this.scratch.weights;
    for (let i = 0; i < n;) {
      let j = i + 1;
      while (j < n && hashes[j] === hashes[i]) j++;
      const r = this.rowOf(hashes[i]);
      if (r >= 0) {
        const v = (1 + Math.log(j - i)) * idf[r];
        norm += v * v;
        if (start[r + 1] - start[r] <= this.maxPostings) {
          // Rows overwrite hashes already read: index `kept` never passes `i`.
          rows[kept] = r;
          weights[kept++] = v;
        }
      }
      i = j;
    }
    if (kept === 0) return [];
    norm = Math.sqrt(norm);
    // Examples met are listed as they are first met, so only they are visited afterwards.
    const touched = this.touched;
    let met = 0;
    for (let k = 0; k < kept; k++) {
      const qv = weights[k] / norm;
      for (let i = start[rows[k]], end = start[rows[k] + 1]; i < end; i++) {
        const d = postDoc[i];
        if (scores[d] === 0) touched[met++] = d;
        scores[d] += qv * postWeight[i];
      }
    }
    // Per label: its best and second-best example.
    const { first, second, seen } = this;
    let labelsMet = 0;
    for (let t = 0; t < met; t++) {
      const d = touched[t];
      const s = scores[d];
      scores[d] = 0;
      const l = docLabel[d];
      if (first[l] === 0 && second[l] === 0) seen[labelsMet++] = l;
      if (s > first[l]) {
        second[l] = first[l];
        first[l] = s;
      } else if (s > second[l]) second[l] = s;
    }
    // The best `limit` labels by insertion into a short sorted list; equal scores keep first-met order.
    const w = this.config.secondWeight;
    const k = Math.min(limit, labelsMet);
    const { topLabel, topScore } = this;
    let size = 0;
    for (let i = 0; i < labelsMet; i++) {
      const l = seen[i];
      const sc = Math.min(1, (first[l] + w * second[l]) / (1 + w));
      first[l] = second[l] = 0;
      if (size === k && sc <= topScore[size - 1]) continue;
      let j = size < k ? size++ : size - 1;
      while (j > 0 && topScore[j - 1] < sc) {
        topScore[j] = topScore[j - 1];
        topLabel[j] = topLabel[j - 1];
        j--;
      }
      topScore[j] = sc;
      topLabel[j] = l;
    }
    const out: LabelScore[] = new Array<LabelScore>(size);
    for (let i = 0; i < size; i++) out[i] = { label: this.labels[topLabel[i]], score: topScore[i] };
    return out;
  }
}
