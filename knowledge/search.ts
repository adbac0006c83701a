import lunr from "lunr";
import type { Service } from "./load";
import { LANGS, type Lang } from "./schema";
import type { TextAnalyzer } from "./text/analyzer";
import { STOPWORDS } from "./text/stopwords";
import { words } from "./text/tokenize";

export interface Hit {
  id: string;
  score: number;
}

export interface SearchResult {
  hits: Hit[];
  /** Share of the query's content words that the best service's terms account for (0..1). */
  coverage: number;
  /** Content words of the query that matched no service at all. */
  unmatched: string[];
  contentWords: number;
}

const FIELDS = { title: 4, keywords: 3, parts: 0.7, summary: 0.6 } as const;
type Field = keyof typeof FIELDS;

/**
 * The service catalogue as a lunr index. Terms are made by our own analyzer (Voikko base
 * forms for Finnish, lunr-languages stemmers elsewhere), so lunr's pipeline is switched off
 * and the same analysis runs at index and query time.
 */
export class ServiceIndex {
  private readonly index: lunr.Index;
  private readonly docTerms = new Map<string, Set<string>>();
  /** Every index term, for splitting unknown compounds into known words. */
  private readonly vocabulary: string[];
  readonly languageVocabulary = new Map<string, Set<Lang>>();

  constructor(private readonly services: Service[], private readonly analyzer: TextAnalyzer, extraVocabulary: Partial<Record<Lang, string[]>> = {}) {
    const docs = services.map((s) => this.document(s));
    this.index = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref("id");
      for (const [f, boost] of Object.entries(FIELDS)) this.field(f, { boost });
      for (const d of docs) this.add(d);
    });
    const all = new Set<string>();
    for (const d of docs) {
      const set = new Set<string>();
      for (const f of Object.keys(FIELDS) as Field[]) for (const t of d[f].split(" ")) if (t) { set.add(t); all.add(t); }
      this.docTerms.set(d.id, set);
    }
    this.vocabulary = [...all].filter((t) => t.length >= 4).sort();
    for (const s of services) this.addLanguageVocabulary(s);
    for (const [l, texts] of Object.entries(extraVocabulary) as Array<[Lang, string[]]>) {
      for (const text of texts) for (const w of words(text)) this.noteWord(w, l);
    }
  }

  private noteWord(w: string, l: Lang): void {
    if (w.length < 2 || /^\d+$/.test(w)) return;
    let set = this.languageVocabulary.get(w);
    if (!set) this.languageVocabulary.set(w, (set = new Set()));
    set.add(l);
  }

  private addLanguageVocabulary(s: Service): void {
    for (const l of LANGS) {
      const texts = [s.title[l], s.summary[l], s.todo[l], ...(s.keywords[l] ?? [])];
      for (const text of texts) if (text) for (const w of words(text)) this.noteWord(w, l);
    }
  }

  private document(s: Service): Record<Field, string> & { id: string } {
    const acc: Record<Field, Set<string>> = { title: new Set(), keywords: new Set(), parts: new Set(), summary: new Set() };
    const put = (field: Field, text: string | undefined, lang: Lang) => {
      if (!text) return;
      const a = this.analyzer.analyze(text, lang);
      a.terms.forEach((t) => acc[field].add(t));
      a.parts.forEach((p) => acc.parts.add(p));
    };
    for (const l of LANGS) {
      put("title", s.title[l], l);
      for (const k of s.keywords[l] ?? []) put("keywords", k, l);
      put("summary", s.summary[l], l);
    }
    // Finnish names are what people read in their letters, whatever language they write in.
    for (const k of s.liite1) put("keywords", k, "fi");
    const join = (set: Set<string>) => [...set].map((t) => t.replace(/[\s-]+/g, "")).join(" ");
    return { id: s.id, title: join(acc.title), keywords: join(acc.keywords), parts: join(acc.parts), summary: join(acc.summary) };
  }

  /** Known words inside an unknown long word: "työkokeilupaikka" → työkokeilu. */
  private knownPieces(term: string): string[] {
    if (term.length < 8) return [];
    const out: string[] = [];
    for (const v of this.vocabulary) {
      if (v.length >= 5 && v !== term && v.length <= term.length - 3 && (term.startsWith(v) || term.endsWith(v))) out.push(v);
    }
    return out.sort((a, b) => b.length - a.length).slice(0, 3);
  }

  /** Query terms per content word of the text (place names and stopwords left out by the caller). */
  queryTerms(text: string, lang: Lang, skip: (w: string) => boolean): string[][] {
    const groups: string[][] = [];
    const stop = STOPWORDS[lang];
    for (const w of words(text, lang === "zh" ? "zh" : "fi")) {
      if (stop.has(w) || skip(w) || (w.length < 2 && lang !== "zh")) continue;
      const a = this.analyzer.analyze(w, lang);
      const terms = new Set([...a.terms, ...a.parts]);
      if (lang !== "fi") {
        // A Finnish service name inside another language: "can I get palkkatukea?"
        for (const t of this.analyzer.finnish.analyze(w).terms) terms.add(t);
      }
      for (const t of [...terms]) for (const p of this.knownPieces(t)) terms.add(p);
      groups.push([...terms].filter(Boolean));
    }
    return groups;
  }

  private matches(docId: string, term: string): boolean {
    const set = this.docTerms.get(docId);
    if (!set) return false;
    if (set.has(term)) return true;
    if (term.length >= 5) for (const t of set) if (t.startsWith(term) || (t.length >= 5 && term.startsWith(t))) return true;
    return false;
  }

  search(text: string, lang: Lang, skip: (w: string) => boolean = () => false): SearchResult {
    const groups = this.queryTerms(text, lang, skip);
    if (groups.length === 0) return { hits: [], coverage: 0, unmatched: [], contentWords: 0 };
    let results: lunr.Index.Result[] = [];
    results = this.index.query((q) => {
      for (const g of groups) {
        for (const t of g) {
          q.term(t, { boost: 10, usePipeline: false });
          if (t.length >= 5) q.term(t, { boost: 3, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
          if (t.length >= 7) q.term(t, { boost: 1, usePipeline: false, editDistance: 1 });
        }
      }
    });
    const hits = results.map((r) => ({ id: r.ref, score: r.score }));
    const best = hits[0]?.id;
    const matchedByBest = best ? groups.filter((g) => g.some((t) => this.matches(best, t))).length : 0;
    const unmatched: string[] = [];
    groups.forEach((g) => {
      if (!hits.slice(0, 10).some((h) => g.some((t) => this.matches(h.id, t)))) unmatched.push(g[0]);
    });
    return { hits, coverage: matchedByBest / groups.length, unmatched, contentWords: groups.length };
  }
}
