import lunr from "lunr";
import { z } from "zod";
import { snapshot, snapshotKey } from "./snapshot";
import type { Service } from "./load";
import { LANGS, type Lang } from "./schema";
import type { TextAnalyzer } from "./text/analyzer";
import { STOPWORDS } from "./text/stopwords";
import { words } from "./text/tokenize";

export interface Hit {
  id: string;
  score: number;
  /** Weight of the query words this service accounts for (unknown words weigh half). */
  matched: number;
  /** The question says one of its names (title, LIITE 1 name) or keyword phrases in full. */
  named?: "title" | "phrase";
}

export interface SearchResult {
  hits: Hit[];
  /** Share of the query's content words that the best service accounts for (0..1). */
  coverage: number;
  contentWords: number;
}

const FIELDS = { title: 3, keywords: 2.5, parts: 0.8, summary: 0.8 } as const;
type Field = keyof typeof FIELDS;

/** How much a query term is worth by how it was found. */
const EXACT = 1;
const PREFIX = 0.8;
const PIECE = 0.6;
const TYPO = 0.6;
/** Added when the question names a service outright: every word of one of its titles... */
const NAME_BONUS = 6;
/** ...or says one of its keyword phrases in full ("työtä kokeilemaan", "laid off"). */
const PHRASE_BONUS = 4;
const BORROWED_NAME_FACTOR = 2;
/** A word the catalogue does not know at all counts half: often filler, dialect or a typo. */
const UNKNOWN_WORD_WEIGHT = 0.5;

/**
 * True when one substitution, insertion, deletion or swap of neighbours turns a into b. Linear
 * time: this runs for every unknown long word against a few dozen candidates.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** One query word and the index terms that stand for it, each with a weight. */
type Group = Map<string, number>;

/**
 * The service catalogue as a lunr index. Terms come from our own analyzer (Voikko base forms
 * for Finnish, lunr-languages stemmers elsewhere), so lunr's pipeline is off and the same
 * analysis runs at index and query time. lunr finds which services hold which terms; the score
 * is ours: each query word counts once, by its best field, weighted by how rare the term is
 * and how it matched (exact, prefix, piece of a compound, one typo). Prefix and typo matches
 * stay within the question's language and Finnish, so Swedish "recept" never finds English
 * "reception".
 */
/** lunr's serialised inverted index: term → { field → { docRef → metadata }, _index }. */
const SerializedIndex = z.object({
  invertedIndex: z.array(z.tuple([z.string(), z.record(z.string(), z.unknown())])),
});

/** What the index holds, as plain data: built from the content, or read from its snapshot. */
interface IndexState {
  postings: Array<[string, Array<[string, Field[]]>]>;
  df: Array<[string, number]>;
  termLangs: Array<[string, Lang[]]>;
  surface: string[];
  names: Array<[string, Array<{ words: string[][]; bonus: number; lang: Lang }>]>;
  docCount: number;
}

export class ServiceIndex {
  /** Per index term, the services holding it and in which fields: read once from lunr's index. */
  private readonly postings: Map<string, Array<[string, Field[]]>>;
  private readonly df: Map<string, number>;
  private readonly termLangs: Map<string, Set<Lang>>;
  /** Words as written in the content (not stems): only these match across languages. */
  private readonly surface: Set<string>;
  private readonly sortedTerms: string[];
  private readonly docCount: number;
  /** Index terms by first letter and length, to look for one-typo variants among a few. */
  private readonly byShape = new Map<string, string[]>();
  /** Per service, its names and keyword phrases as lists of words, each word as its analysed terms. */
  private readonly names: Map<string, Array<{ words: string[][]; bonus: number; lang: Lang }>>;

  constructor(services: Service[], private readonly analyzer: TextAnalyzer) {
    const key = snapshotKey(JSON.stringify(services), analyzer.finnish.hasMorphology ? "voikko" : "stemmer");
    const state = snapshot("index", key, () => buildIndexState(services, analyzer),
      (st) => Buffer.from(JSON.stringify(st)), (b) => JSON.parse(b.toString("utf8")) as IndexState);
    this.postings = new Map(state.postings);
    this.df = new Map(state.df);
    this.termLangs = new Map(state.termLangs.map(([t, ls]) => [t, new Set(ls)]));
    this.surface = new Set(state.surface);
    this.names = new Map(state.names);
    this.docCount = state.docCount;
    this.sortedTerms = [...this.termLangs.keys()].sort();
    for (const t of this.sortedTerms) {
      if (t.length < 6) continue;
      const key = `${t[0]}${t.length}`;
      const list = this.byShape.get(key);
      if (list) list.push(t);
      else this.byShape.set(key, [t]);
    }
  }

  private inLangs(term: string, langs: ReadonlySet<Lang>): boolean {
    const ls = this.termLangs.get(term);
    if (!ls) return false;
    for (const l of ls) if (langs.has(l)) return true;
    return false;
  }

  /** Index terms that a query term stands for: itself, longer forms, known pieces, one-typo variants. */
  private expand(term: string, langs: ReadonlySet<Lang>, group: Group, base: number, guess: boolean): void {
    const put = (t: string, w: number) => group.set(t, Math.max(group.get(t) ?? 0, w));
    // Another language's word counts when written in full and long enough to be a name
    // ("kotoutumissuunnitelma" in Russian); its stems do not (Swedish "recept" ≠ English "recept-ion").
    if (this.inLangs(term, langs) || (this.surface.has(term) && term.length >= 5)) put(term, base * EXACT);
    if (term.length >= 4) {
      // Longer index terms that start with this one: "palkkatu" → "palkkatuki".
      let lo = 0;
      let hi = this.sortedTerms.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.sortedTerms[mid] < term) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.sortedTerms.length && this.sortedTerms[i].startsWith(term); i++) {
        const v = this.sortedTerms[i];
        // A rare inflected form ("kurssin") is no stronger evidence than the word asked ("kurssi").
        if (v !== term && term.length / v.length >= 0.55 && this.inLangs(v, langs)) put(v, base * PREFIX * Math.min(1, this.idf(term) / this.idf(v)));
      }
    }
    if (guess && term.length >= 7) {
      // Known words inside an unknown compound ("työkokeilupaikka" → työkokeilu)...
      for (let k = 5; k <= term.length - 3; k++) {
        for (const v of [term.slice(0, k), term.slice(term.length - k)]) {
          if (v.length / term.length >= 0.4 && this.inLangs(v, langs)) put(v, base * PIECE);
        }
      }
      // ...and one typo away from a known word, same first letter.
      for (const len of [term.length - 1, term.length, term.length + 1]) {
        for (const v of this.byShape.get(`${term[0]}${len}`) ?? []) {
          if (v !== term && this.inLangs(v, langs) && oneEditApart(v, term)) put(v, base * TYPO);
        }
      }
    }
  }

  /** Query groups per content word of the text (place names and stopwords left out). */
  queryGroups(text: string, lang: Lang, skip: (w: string) => boolean): Group[] {
    const groups: Group[] = [];
    const stop = STOPWORDS[lang];
    const langs = new Set<Lang>([lang, "fi"]);
    for (const w of words(text, lang === "zh" ? "zh" : "fi")) {
      if (stop.has(w) || skip(w) || (w.length < 2 && lang !== "zh")) continue;
      const a = this.analyzer.analyzeWords([w], lang);
      if (a.terms.length === 0) continue;
      const group: Group = new Map();
      // Compound pieces and typos are guessed only for words no analyser recognised.
      const guess = !a.known;
      for (const t of a.terms) this.expand(t, langs, group, 1, guess);
      for (const p of a.parts) this.expand(p, langs, group, PIECE, false);
      if (lang !== "fi") {
        // A Finnish service name inside another language: "can I get palkkatukea?"
        const fi = this.analyzer.finnish.analyze(w);
        if (fi.recognised) for (const t of fi.terms) this.expand(t, langs, group, 1, false);
      }
      groups.push(group);
    }
    return groups;
  }

  private idf(term: string): number {
    return Math.log(1 + this.docCount / ((this.df.get(term) ?? 0) + 0.5));
  }

  search(text: string, lang: Lang, skip: (w: string) => boolean = () => false): SearchResult {
    const groups = this.queryGroups(text, lang, skip);
    if (groups.length === 0) return { hits: [], coverage: 0, contentWords: 0 };
    const allTerms = new Set<string>();
    for (const g of groups) for (const t of g.keys()) allTerms.add(t);
    if (allTerms.size === 0) return { hits: [], coverage: 0, contentWords: groups.length };

    const fieldsOf = new Map<string, Map<string, Field[]>>();
    for (const t of allTerms) {
      for (const [ref, fields] of this.postings.get(t) ?? []) {
        let m = fieldsOf.get(ref);
        if (!m) fieldsOf.set(ref, (m = new Map()));
        m.set(t, fields);
      }
    }
    const weightOf = groups.map((g) => (g.size > 0 ? 1 : UNKNOWN_WORD_WEIGHT));
    const total = weightOf.reduce((a, b) => a + b, 0);
    const strong = new Set<string>();
    for (const g of groups) for (const [t, w] of g) if (w >= PREFIX) strong.add(t);
    const hits: Hit[] = [];
    for (const [ref, terms] of fieldsOf) {
      let score = 0;
      let matched = 0;
      groups.forEach((g, gi) => {
        let best = 0;
        for (const [term, weight] of g) {
          const fields = terms.get(term);
          if (!fields) continue;
          for (const f of fields) best = Math.max(best, weight * FIELDS[f] * this.idf(term));
        }
        if (best > 0) {
          score += best;
          matched += weightOf[gi];
        }
      });
      hits.push({ id: ref, score, matched });
    }
    hits.sort((a, b) => b.score - a.score);
    // Names and phrases said in full lift a service; only the leaders can become the answer.
    // A Finnish service name inside another language was copied from a letter: it lifts more.
    for (const h of hits.slice(0, 12)) {
      let bonus = 0;
      let named: Hit["named"];
      for (const name of this.names.get(h.id) ?? []) {
        const b = name.bonus * (name.lang === "fi" && lang !== "fi" && name.bonus === NAME_BONUS ? BORROWED_NAME_FACTOR : 1);
        if (b > bonus && name.words.every((word) => word.some((t) => strong.has(t)))) {
          bonus = b;
          named = name.bonus === NAME_BONUS ? "title" : "phrase";
        }
      }
      h.score += bonus;
      if (named) h.named = named;
    }
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return {
      hits,
      coverage: hits.length > 0 ? hits[0].matched / total : 0,
      contentWords: groups.length,
    };
  }
}

/** Analyses every title, keyword and summary, builds the lunr index, and reads it into plain data. */
function buildIndexState(services: Service[], analyzer: TextAnalyzer): IndexState {
  const termLangs = new Map<string, Set<Lang>>();
  const surface = new Set<string>();
  const names = new Map<string, Array<{ words: string[][]; bonus: number; lang: Lang }>>();
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
    const own: Array<{ words: string[][]; bonus: number; lang: Lang }> = [];
    const addName = (text: string | undefined, lang: Lang, bonus: number) => {
      if (!text) return;
      const ws = words(text, lang === "zh" ? "zh" : "fi").map((w) => analyzer.analyzeWords([w], lang).terms).filter((t) => t.length > 0);
      if (ws.length > 0) own.push({ words: ws, bonus, lang });
    };
    // "Kotoutumissuunnitelma tai monialainen kotoutumissuunnitelma" names two things; either counts.
    const alternatives = (name: string) => name.split(/\s+(?:tai|eller|or)\s+|\s*\/\s*|\s*;\s*/);
    for (const l of LANGS) for (const n of alternatives(s.title[l] ?? "")) addName(n, l, NAME_BONUS);
    for (const k of s.liite1) for (const n of alternatives(k)) addName(n, "fi", NAME_BONUS);
    // A one-word keyword lifts only if it is long enough to be specific ("kurssi" is not).
    const specific = (k: string) => /\s/.test(k.trim()) || k.trim().length >= 9;
    for (const l of LANGS) for (const k of s.keywords[l] ?? []) if (specific(k)) addName(k, l, PHRASE_BONUS);
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
    for (const [f, boost] of Object.entries(FIELDS)) this.field(f, { boost });
    for (const d of docs) this.add(d);
  });
  // lunr finds which services hold which terms; asking it per query (TokenSet intersection) cost
  // more than the whole rest of the answer, so its inverted index is read once into plain data.
  const postings: IndexState["postings"] = [];
  for (const [term, posting] of SerializedIndex.parse(index.toJSON()).invertedIndex) {
    const byDoc = new Map<string, Field[]>();
    for (const f of Object.keys(FIELDS) as Field[]) {
      const refs = posting[f];
      if (refs && typeof refs === "object") for (const ref of Object.keys(refs)) byDoc.set(ref, [...(byDoc.get(ref) ?? []), f]);
    }
    postings.push([term, [...byDoc.entries()]]);
  }
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set<string>();
    for (const f of Object.keys(FIELDS) as Field[]) for (const t of d[f].split(" ")) if (t) seen.add(t);
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return {
    postings, df: [...df.entries()], termLangs: [...termLangs.entries()].map(([t, ls]) => [t, [...ls]]),
    surface: [...surface], names: [...names.entries()], docCount: docs.length,
  };
}
