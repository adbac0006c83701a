import lunr from "lunr";
import { z } from "zod";
import { SEARCH } from "../config";
import type { Service } from "../load";
import { LANGS, type Lang } from "../schema";
import type { TextAnalyzer } from "../text/analyzer";
import { words } from "../text/tokenize";

export type Field = keyof typeof SEARCH.fields;
export const FIELD_NAMES = Object.keys(SEARCH.fields) as Field[];

/** A name or keyword phrase of a service: its words, each as its analysed terms. */
export interface Name { words: string[][]; bonus: number; lang: Lang }

/** What the index holds, as plain data: built from the content, or read from its snapshot. */
export interface IndexState {
  postings: Array<[string, Array<[string, Field[]]>]>;
  df: Array<[string, number]>;
  termLangs: Array<[string, Lang[]]>;
  surface: string[];
  names: Array<[string, Name[]]>;
  docCount: number;
}

/** lunr's serialised inverted index: term → { field → { docRef → metadata }, _index }. */
const SerializedIndex = z.object({
  invertedIndex: z.array(z.tuple([z.string(), z.record(z.string(), z.unknown())])),
});

/**
 * Analyses every title, keyword and summary, builds the lunr index, and reads it into plain data.
 * Terms come from our own analyzer (Voikko base forms for Finnish, lunr-languages stemmers
 * elsewhere), so lunr's pipeline is off and the same analysis runs at index and query time.
 */
export function buildIndexState(services: Service[], analyzer: TextAnalyzer): IndexState {
  const termLangs = new Map<string, Set<Lang>>();
  const surface = new Set<string>();
  const names = new Map<string, Name[]>();
  const document = (s: Service): Record<Field, string> & { id: string } => {
    const acc: Record<Field, Set<string>> = { title: new Set(), keywords: new Set(), parts: new Set(), summary: new Set() };
    const note = (t: string, lang: Lang) => {
      let set = termLangs.get(t);
      if (!set) termLangs.set(t, (set = new Set()));
      set.add(lang);
    };
    const put = (field: Field, text: string | undefined, lang: Lang) => {
      if (!text) return;
      const a = analyzer.analyze(text, lang);
      for (const t of a.terms) { acc[field].add(t); note(t, lang); }
      for (const p of a.parts) { acc.parts.add(p); note(p, lang); }
    };
    const own: Name[] = [];
    const addName = (text: string | undefined, lang: Lang, bonus: number) => {
      if (!text) return;
      const ws = words(text, lang === "zh" ? "zh" : "fi").map((w) => analyzer.analyzeWords([w], lang).terms).filter((t) => t.length > 0);
      if (ws.length > 0) own.push({ words: ws, bonus, lang });
    };
    // "Kotoutumissuunnitelma tai monialainen kotoutumissuunnitelma" names two things; either counts.
    const alternatives = (name: string) => name.split(/\s+(?:tai|eller|or)\s+|\s*\/\s*|\s*;\s*/);
    for (const l of LANGS) for (const n of alternatives(s.title[l] ?? "")) addName(n, l, SEARCH.nameBonus);
    for (const k of s.liite1) for (const n of alternatives(k)) addName(n, "fi", SEARCH.nameBonus);
    // A one-word keyword lifts only if it is long enough to be specific ("kurssi" is not).
    const specific = (k: string) => /\s/.test(k.trim()) || k.trim().length >= 9;
    // A one-word proper name among the keywords ("Yrittäjä-Suomi", "Ohjaamo", "Finnvera") names the
    // service as its title does; other phrases lift less.
    const properName = (k: string) => /^\p{Lu}[\p{L}\p{N}-]*\p{L}$/u.test(k.trim()) && k.trim().length >= 4;
    for (const l of LANGS) for (const k of s.keywords[l] ?? []) if (specific(k)) addName(k, l, properName(k) ? SEARCH.nameBonus : SEARCH.phraseBonus);
    for (const l of LANGS) for (const text of [s.title[l], ...(s.keywords[l] ?? [])]) if (text) for (const w of words(text)) surface.add(w);
    for (const k of s.liite1) for (const w of words(k)) surface.add(w);
    names.set(s.id, own);
    for (const l of LANGS) {
      put("title", s.title[l], l);
      for (const k of s.keywords[l] ?? []) put("keywords", k, l);
      put("summary", s.summary[l], l);
    }
    // Finnish names are what people read in their letters, whatever language they write in.
    for (const k of s.liite1) put("keywords", k, "fi");
    const join = (set: Set<string>) => [...set].filter((t) => !/[\s-]/.test(t)).join(" ");
    return { id: s.id, title: join(acc.title), keywords: join(acc.keywords), parts: join(acc.parts), summary: join(acc.summary) };
  };
  const docs = services.map(document);
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref("id");
    for (const [f, boost] of Object.entries(SEARCH.fields)) this.field(f, { boost });
    for (const d of docs) this.add(d);
  });
  // lunr finds which services hold which terms; asking it per query (TokenSet intersection) cost
  // more than the whole rest of the answer, so its inverted index is read once into plain data.
  const postings: IndexState["postings"] = [];
  for (const [term, posting] of SerializedIndex.parse(index.toJSON()).invertedIndex) {
    const byDoc = new Map<string, Field[]>();
    for (const f of FIELD_NAMES) {
      const refs = posting[f];
      if (refs && typeof refs === "object") for (const ref of Object.keys(refs)) byDoc.set(ref, [...(byDoc.get(ref) ?? []), f]);
    }
    postings.push([term, [...byDoc.entries()]]);
  }
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set<string>();
    for (const f of FIELD_NAMES) for (const t of d[f].split(" ")) if (t) seen.add(t);
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return {
    postings, df: [...df.entries()], termLangs: [...termLangs.entries()].map(([t, ls]) => [t, [...ls]]),
    surface: [...surface], names: [...names.entries()], docCount: docs.length,
  };
}
