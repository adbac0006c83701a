import { SEARCH } from "../config";
import { BoundedMemo } from "../memo";
import type { Service } from "../load";
import { langBit, type Lang } from "../schema";
import { snapshot, snapshotKey } from "../snapshot";
import type { TextAnalyzer } from "../text/analyzer";
import { STOPWORDS } from "../text/stopwords";
import { words } from "../text/tokenize";
import { buildIndexState } from "./build";
import { compileIndex, decodeCompiled, encodeCompiled } from "./compiled";
import { NameIndex } from "./names";
import { Postings } from "./score";
import { TermTable, type Group } from "./terms";

export { oneEditApart } from "./terms";

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

/** Rough bytes of a remembered word: its key and its terms as UTF-16, plus the arrays around them. */
/** Remembered for a word with no terms at all (a stem that is a stopword): not a content word. */
const NOT_CONTENT: Group = { terms: [], ids: [], weights: [] };

const groupBytes = (g: Group, key: string) => 64 + 2 * key.length + g.terms.reduce((n, t) => n + 2 * t.length + 24, 0);

/**
 * The service catalogue's word ranking: the question's words analysed as the content was, each
 * expanded to the index terms it stands for (build.ts, terms.ts), scored over flat postings
 * (score.ts); names and keyword phrases said in full lift a service.
 */
export class ServiceIndex {
  private readonly terms: TermTable;
  private readonly postings: Postings;
  private readonly docCount: number;
  private readonly names: NameIndex;
  /** A word's analysis and expansion, by language and word: the same word recurs across questions. */
  private readonly memo = new BoundedMemo<Group>(SEARCH.wordMemoBytes, groupBytes);

  /** `fingerprint`: a hash of the content the services come from, which keys the snapshot (else the services themselves). */
  constructor(services: Service[], private readonly analyzer: TextAnalyzer, fingerprint?: string) {
    const key = snapshotKey(fingerprint ?? JSON.stringify(services), analyzer.finnish.hasMorphology ? "voikko" : "stemmer");
    const compiled = snapshot("index", key, () => compileIndex(buildIndexState(services, analyzer)), encodeCompiled, decodeCompiled);
    this.terms = new TermTable(compiled);
    this.postings = new Postings(compiled);
    this.names = new NameIndex(compiled, this.terms.id);
    this.docCount = compiled.docCount;
  }

  /** One word's group: its analysed terms expanded, remembered for the next question with it. */
  private wordGroup(w: string, lang: Lang): Group | undefined {
    const key = `${lang}\u0000${w}`;
    const known = this.memo.get(key);
    if (known) return known === NOT_CONTENT ? undefined : known;
    const a = this.analyzer.analyzeWords([w], lang);
    if (a.terms.length === 0) {
      this.memo.set(key, NOT_CONTENT);
      return undefined;
    }
    const mask = langBit(lang) | langBit("fi");
    const found = new Map<string, number>();
    // Compound pieces and typos are guessed only for words no analyser recognised.
    const guess = !a.known;
    for (const t of a.terms) this.terms.expand(t, mask, found, 1, guess, this.docCount);
    for (const p of a.parts) this.terms.expand(p, mask, found, SEARCH.piece, false, this.docCount);
    if (lang !== "fi") {
      // A Finnish service name inside another language: "can I get palkkatukea?"
      const fi = this.analyzer.finnish.analyze(w);
      if (fi.recognised) for (const t of fi.terms) this.terms.expand(t, mask, found, 1, false, this.docCount);
    }
    const g = this.terms.group(found);
    this.memo.set(key, g);
    return g;
  }

  /** Query groups per content word of the text (place names and stopwords left out). */
  queryGroups(text: string, lang: Lang, skip: (w: string) => boolean): Group[] {
    const groups: Group[] = [];
    const stop = STOPWORDS[lang];
    for (const w of words(text, lang === "zh" ? "zh" : "fi")) {
      if (stop.has(w) || skip(w) || (w.length < 2 && lang !== "zh")) continue;
      const g = this.wordGroup(w, lang);
      if (g) groups.push(g);
    }
    return groups;
  }

  search(text: string, lang: Lang, skip: (w: string) => boolean = () => false): SearchResult {
    const groups = this.queryGroups(text, lang, skip);
    if (groups.length === 0) return { hits: [], coverage: 0, contentWords: 0 };
    if (groups.every((g) => g.terms.length === 0)) return { hits: [], coverage: 0, contentWords: groups.length };
    const weightOf = groups.map((g) => (g.terms.length > 0 ? 1 : SEARCH.unknownWordWeight));
    const total = weightOf.reduce((a, b) => a + b, 0);
    const hits: Hit[] = this.postings.rank(groups, weightOf, this.terms.idf);
    hits.sort((a, b) => b.score - a.score);
    this.liftNamed(hits, groups, lang);
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return { hits, coverage: hits.length > 0 ? hits[0].matched / total : 0, contentWords: groups.length };
  }

  /** Names and phrases said in full lift a service; only the leaders can become the answer. */
  private liftNamed(hits: Hit[], groups: Group[], lang: Lang): void {
    const strong = new Set<string>();
    for (const g of groups) g.terms.forEach((t, k) => { if (g.weights[k] >= SEARCH.prefix) strong.add(t); });
    const said = this.names.said(strong, lang);
    if (said.size === 0) return;
    for (const h of hits.slice(0, SEARCH.namedLeaders)) {
      const s = said.get(h.id);
      if (!s) continue;
      h.score += s.bonus;
      h.named = s.named;
    }
  }
}
