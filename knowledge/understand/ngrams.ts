import { normalize } from "../text/tokenize";

/** Character n-gram lengths: short enough to survive inflection and typos, long enough to be specific. */
export const NGRAM_MIN = 3;
export const NGRAM_MAX = 5;

const LETTERS = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * FNV-1a of a string slice, cut to 30 bits: features are small integers (V8 keeps them unboxed
 * as map keys), so no per-query strings or boxed numbers are made.
 */
function hash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}

/**
 * Features of a text: each word padded with spaces and cut into character n-grams, plus the
 * whole word (counted twice). Linear in the text's length. Works the same for every script, needs
 * no stemmer, and matches "työkokeiluun" with "työkokeilu", "tyokokeilu" half-way, and a typo
 * most of the way.
 */
function eachFeature(text: string, emit: (hash: number, times: number) => void): void {
  const norm = normalize(text);
  for (const m of norm.matchAll(LETTERS)) {
    const w = ` ${m[0]} `;
    // Han text has no spaces: a "word" is a run of characters, its bigrams carry the meaning.
    const han = /\p{Script=Han}/u.test(m[0]);
    const min = han ? 1 : NGRAM_MIN;
    const max = han ? 3 : NGRAM_MAX;
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= w.length; i++) emit(hash(w, i, i + n), 1);
    }
    emit(hash(w, 0, w.length) ^ 0x1bd1e995, 2);
  }
}

/** The features with their counts (training). */
export function features(text: string, out: Map<number, number> = new Map()): Map<number, number> {
  eachFeature(text, (h, times) => out.set(h, (out.get(h) ?? 0) + times));
  return out;
}

/**
 * The features into a reusable buffer, as hashes (unsorted, repeated as often as they occur);
 * returns how many were written. For the query path: no map, no allocation once the buffer is big enough.
 */
export function featureHashes(text: string, buf: { hashes: Int32Array }): number {
  let n = 0;
  eachFeature(text, (h, times) => {
    if (n + times > buf.hashes.length) {
      const bigger = new Int32Array(Math.max(buf.hashes.length * 2, n + times));
      bigger.set(buf.hashes.subarray(0, n));
      buf.hashes = bigger;
    }
    for (let t = 0; t < times; t++) buf.hashes[n++] = h;
  });
  return n;
}
