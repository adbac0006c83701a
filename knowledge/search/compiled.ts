import { SEARCH } from "../config";
import { pack, typed, unpack, type Typed } from "../binary";
import { langBit, LANGS } from "../schema";
import type { IndexState } from "./build";

/**
 * The index as numbered terms and flat arrays, ready to use: what the start-up snapshot holds, so
 * starting reads arrays instead of parsing nested JSON and building maps.
 *
 * Terms 0..indexTerms-1 are the index's own; after them come words that only names use (a name
 * word whose analysis the index does not hold), so that every name word has a number.
 */
export interface CompiledIndex {
  terms: string[];
  indexTerms: number;
  surface: string[];
  refs: string[];
  docCount: number;
  /** Per term: its languages as bits (LANGS order), its rarity. */
  langs: Uint16Array;
  idf: Float64Array;
  /** Index terms in string order, for prefix lookups. */
  sorted: Int32Array;
  /** Term i's services and best field weight: postDoc/postBoost[postStart[i] .. postStart[i + 1]). */
  postStart: Int32Array;
  postDoc: Int32Array;
  postBoost: Float64Array;
  /** Per name: its service (into refs), its lift, its language, and the bit mask of all its words. */
  nameService: Int32Array;
  nameBonus: Float64Array;
  nameLang: Uint8Array;
  nameFull: Int32Array;
  /** Term i stands for these name words (name << 5 | word): nameRefs[nameRefStart[i] .. nameRefStart[i + 1]). */
  nameRefStart: Int32Array;
  nameRefs: Int32Array;
}

/** Flat arrays from rows of numbers: start offsets and the data. */
function csr<T>(rows: T[][], put: (data: T[]) => void): Int32Array {
  const start = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => {
    start[i + 1] = start[i] + r.length;
    put(r);
  });
  return start;
}

export function compileIndex(state: IndexState): CompiledIndex {
  const terms = state.termLangs.map(([t]) => t);
  const id = new Map(terms.map((t, i) => [t, i]));
  const indexTerms = terms.length;
  const idOf = (t: string) => {
    let i = id.get(t);
    if (i === undefined) {
      i = terms.length;
      terms.push(t);
      id.set(t, i);
    }
    return i;
  };
  const df = new Map(state.df);
  const langs = new Uint16Array(indexTerms);
  state.termLangs.forEach(([, ls], i) => { for (const l of ls) langs[i] |= langBit(l); });

  const refIndex = new Map<string, number>();
  const refOf = (ref: string) => {
    let d = refIndex.get(ref);
    if (d === undefined) refIndex.set(ref, (d = refIndex.size));
    return d;
  };
  const postings: Array<Array<[number, number]>> = Array.from({ length: indexTerms }, () => []);
  for (const [term, posting] of state.postings) {
    const i = id.get(term);
    if (i === undefined || i >= indexTerms) continue;
    for (const [ref, fields] of posting) postings[i].push([refOf(ref), Math.max(...fields.map((f) => SEARCH.fields[f]))]);
  }
  for (const [ref] of state.names) refOf(ref);

  const nameService: number[] = [];
  const nameBonus: number[] = [];
  const nameLang: number[] = [];
  const nameFull: number[] = [];
  const nameRefs = new Map<number, number[]>();
  for (const [ref, list] of state.names) {
    for (const name of list) {
      // A word mask fits 31 words; names are a few words long (the longest has eleven).
      if (name.words.length > 31) continue;
      const n = nameService.length;
      nameService.push(refOf(ref));
      nameBonus.push(name.bonus);
      nameLang.push(LANGS.indexOf(name.lang));
      nameFull.push(2 ** name.words.length - 1);
      name.words.forEach((ts, w) => {
        for (const t of new Set(ts)) {
          const i = idOf(t);
          const l = nameRefs.get(i);
          if (l) l.push((n << 5) | w);
          else nameRefs.set(i, [(n << 5) | w]);
        }
      });
    }
  }
  const postDoc: number[] = [];
  const postBoost: number[] = [];
  const postStart = csr(postings, (r) => r.forEach(([d, b]) => { postDoc.push(d); postBoost.push(b); }));
  const refsData: number[] = [];
  const nameRefStart = csr(terms.map((_, i) => nameRefs.get(i) ?? []), (r) => refsData.push(...r));
  const sorted = Int32Array.from({ length: indexTerms }, (_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  return {
    terms, indexTerms, surface: state.surface, refs: [...refIndex.keys()], docCount: state.docCount,
    langs, idf: Float64Array.from({ length: indexTerms }, (_, i) => Math.log(1 + state.docCount / ((df.get(terms[i]) ?? 0) + 0.5))),
    sorted, postStart, postDoc: Int32Array.from(postDoc), postBoost: Float64Array.from(postBoost),
    nameService: Int32Array.from(nameService), nameBonus: Float64Array.from(nameBonus), nameLang: Uint8Array.from(nameLang),
    nameFull: Int32Array.from(nameFull), nameRefStart, nameRefs: Int32Array.from(refsData),
  };
}

const ARRAYS = ["langs", "idf", "sorted", "postStart", "postDoc", "postBoost", "nameService", "nameBonus", "nameLang", "nameFull", "nameRefStart", "nameRefs"] as const;
type ArrayName = typeof ARRAYS[number];

export function encodeCompiled(c: CompiledIndex): Buffer {
  const arrays = Object.fromEntries(ARRAYS.map((k) => [k, c[k]])) as Record<ArrayName, Typed>;
  return pack({ terms: c.terms, indexTerms: c.indexTerms, surface: c.surface, refs: c.refs, docCount: c.docCount }, arrays);
}

export function decodeCompiled(b: Buffer): CompiledIndex {
  const { meta, arrays } = unpack(b);
  const m = meta as Pick<CompiledIndex, "terms" | "indexTerms" | "surface" | "refs" | "docCount">;
  if (!Array.isArray(m.terms) || !Array.isArray(m.refs) || !Array.isArray(m.surface)) throw new Error("snapshot: not a compiled index");
  const get = <T extends Typed>(k: ArrayName, make: new (...args: never[]) => T): T => typed(arrays, k, make);
  return {
    ...m,
    langs: get("langs", Uint16Array), idf: get("idf", Float64Array), sorted: get("sorted", Int32Array),
    postStart: get("postStart", Int32Array), postDoc: get("postDoc", Int32Array), postBoost: get("postBoost", Float64Array),
    nameService: get("nameService", Int32Array), nameBonus: get("nameBonus", Float64Array), nameLang: get("nameLang", Uint8Array),
    nameFull: get("nameFull", Int32Array), nameRefStart: get("nameRefStart", Int32Array), nameRefs: get("nameRefs", Int32Array),
  };
}
