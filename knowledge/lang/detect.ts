import { loadModule } from "cld3-asm";
import { DETECT } from "../config";
import { BoundedMemo } from "../memo";
import { langBit, LANGS, type Lang } from "../schema";
import { STOPWORDS } from "../text/stopwords";
import { words } from "../text/tokenize";

export interface Detection {
  lang: Lang;
  /** 0..1: how clearly this language won. */
  confidence: number;
}

type Guess = { language: string; probability: number; reliable: boolean };
export type NeuralGuesser = (text: string) => Guess;

/** CLD3 (compiled to WebAssembly) guesses from character n-grams; loaded once at start-up. */
export async function loadCld3(): Promise<NeuralGuesser> {
  const factory = await loadModule();
  const identifier = factory.create(0, 1000);
  return (text) => {
    const r = identifier.findLanguage(text);
    return { language: r.language, probability: r.probability, reliable: r.is_reliable };
  };
}

// Everyday words only one of the two languages uses: "مرحبا" is Arabic, "ممنون" Persian.
const ARABIC_WORDS = /(^|\s)(مرحبا|مرحباً|اهلا|أهلا|شكرا|شكراً|كيف|ماذا|أريد|اريد|هل|عندي|لدي|أبحث|ابحث|أسكن|اسكن|أعيش|اعيش)(?=\s|$|[؟?!.,،])/g;
const PERSIAN_WORDS = /(^|\s)(ممنون|مرسی|مرسي|خداحافظ|چطور|کجا|كجا|چه|هستم|دارم|میخواهم|می‌خواهم|میخوام|لطفا|لطفاً)(?=\s|$|[؟?!.,،])/g;

// Everyday words that tell Russian and Ukrainian apart when the letters do not.
const UKRAINIAN_WORDS = /(^|[^\p{L}])(дякую|дуже|мені|мене|що|шукаю|роботу|працю|будь|ласка|вітаю|допоможіть|треба|потрібно|живу у|як|де)(?=[^\p{L}]|$)/gu;
const RUSSIAN_WORDS = /(^|[^\p{L}])(спасибо|очень|мне|меня|что|ищу|работу|пожалуйста|здравствуйте|помогите|нужно|надо|как|где)(?=[^\p{L}]|$)/gu;


function popcount(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}

/** The most CLD3's guess can add to one language: reliable (2) × probability (≤ 1) × length factor (≤ 1). */
const CLD3_MAX_VOTE = 2;

const has = (re: RegExp, s: string) => re.test(s);
const count = (re: RegExp, s: string) => (s.match(re) ?? []).length;

/**
 * Language of a short query. CLD3 alone is weak on one or two words and on close pairs
 * (fi/et, ru/uk, ar/fa), so letters only one language uses, the knowledge base's own
 * vocabulary per language, and Finnish morphology vote beside it.
 */
export class LanguageDetector {
  constructor(
    private readonly guess: NeuralGuesser,
    /** How many of the twelve languages' vocabularies hold a word, and which. */
    private readonly vocabulary: ReadonlyMap<string, number>,
    /** True when a Finnish morphological analyser knows the word. */
    private readonly isFinnishWord: (w: string) => boolean,
    /** Finnish service names people copy from their letters into any language ("kotoutumissuunnitelma"). */
    private readonly borrowed: (w: string) => boolean = () => false,
  ) {}

  /** Each word's votes (stopword, vocabulary, Finnish morphology), remembered: words recur across questions. */
  private readonly wordVotes = new BoundedMemo<Float64Array>(DETECT.wordMemoBytes, (_v, k) => 2 * k.length + 64 + 8 * LANGS.length);

  detect(text: string): Detection {
    const t = text.normalize("NFC");
    // Most questions are all Latin (or ASCII): no other script to count.
    if (!/[\u0400-\uffff]/.test(t)) return this.latin(t);
    // A word in another script decides: a Finnish term typed into Russian or Arabic is a loan.
    const han = count(/\p{Script=Han}/gu, t);
    const arabic = count(/\p{Script=Arabic}/gu, t);
    const cyrillic = count(/\p{Script=Cyrillic}/gu, t);
    const top = Math.max(han, arabic, cyrillic);
    if (top >= 2) {
      if (han === top) return { lang: "zh", confidence: 0.99 };
      if (arabic === top) return this.arabicScript(t);
      return this.cyrillic(t);
    }
    return this.latin(t);
  }

  private arabicScript(t: string): Detection {
    // Persian writes ی ک and has پ چ ژ گ; Arabic writes ي ك ة and the article ال.
    const fa = count(/[پچژگیک]/g, t) + 2 * count(/(^|\s)(می|نمی)[\s\u200c]|است(\s|$)|هست|را(\s|$)/g, t) + 2 * count(PERSIAN_WORDS, t);
    const ar = count(/[يكةىأإ]/g, t) + count(/(^|\s)ال/g, t) + 2 * count(ARABIC_WORDS, t);
    if (fa === ar) {
      const g = this.guess(t);
      return { lang: g.language === "fa" || g.language === "ur" ? "fa" : "ar", confidence: 0.6 };
    }
    return { lang: fa > ar ? "fa" : "ar", confidence: Math.min(0.99, 0.6 + 0.1 * Math.abs(fa - ar)) };
  }

  private cyrillic(t: string): Detection {
    const lower = t.toLowerCase();
    const uk = count(/[іїєґ]/g, lower) + 2 * this.vocabVotes(lower, "uk") + 2 * count(UKRAINIAN_WORDS, lower);
    const ru = count(/[ыэъё]/g, lower) + 2 * this.vocabVotes(lower, "ru") + 2 * count(RUSSIAN_WORDS, lower);
    if (uk !== ru) return { lang: uk > ru ? "uk" : "ru", confidence: Math.min(0.99, 0.6 + 0.1 * Math.abs(uk - ru)) };
    // Ukrainian is rarely written without і, ї, є or ґ; a short message without them is likelier Russian.
    return { lang: "ru", confidence: 0.55 };
  }

  private vocabVotes(lower: string, lang: Lang): number {
    let n = 0;
    for (const w of words(lower)) {
      if (STOPWORDS[lang].has(w) || ((this.vocabulary.get(w) ?? 0) & langBit(lang)) !== 0) n++;
    }
    return n;
  }

  private votesOf(w: string): Float64Array {
    const known = this.wordVotes.get(w);
    if (known) return known;
    const v = new Float64Array(LANGS.length);
    LANGS.forEach((l, i) => { if (STOPWORDS[l].has(w)) v[i] += 1; });
    const fi = LANGS.indexOf("fi");
    if (this.borrowed(w)) v[fi] += 0.4;
    else {
      const mask = this.vocabulary.get(w) ?? 0;
      const shared = popcount(mask);
      for (let i = 0; i < LANGS.length; i++) if (mask & (1 << i)) v[i] += 1.5 / shared;
      const enOrSv = (mask & (langBit("en") | langBit("sv"))) !== 0;
      if (w.length >= 3 && this.isFinnishWord(w) && !enOrSv) v[fi] += 1;
    }
    this.wordVotes.set(w, v);
    return v;
  }

  private latin(t: string): Detection {
    const lower = t.toLowerCase();
    const score = new Map<Lang, number>(LANGS.map((l) => [l, 0]));
    const add = (l: Lang, v: number) => score.set(l, (score.get(l) ?? 0) + v);

    if (has(/[ăâđêôơư]|[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/, lower)) add("vi", 6);
    if (has(/[şğı]/, lower) || has(/İ/, t)) add("tr", 4);
    if (has(/õ/, lower)) add("et", 4);
    if (has(/ü/, lower)) { add("et", 1); add("tr", 1); }
    if (has(/å/, lower)) add("sv", 3);
    if (has(/[äö]/, lower)) { add("fi", 0.5); add("sv", 0.3); add("et", 0.3); }
    // Somali spelling: x and q for sounds Finnish and English write otherwise, and long vowels.
    if (has(/\b\w*(dh|x|q)\w*\b/, lower) && has(/aa|ee|oo|uu/, lower)) add("so", 0.5);

    const ws = words(lower);
    for (const w of ws) {
      const v = this.votesOf(w);
      for (let i = 0; i < LANGS.length; i++) if (v[i] !== 0) add(LANGS[i], v[i]);
    }

    // The neural guess adds at most CLD3_MAX_VOTE to one language: it is asked only when that could change the winner.
    const lead = [...score.values()].sort((a, b) => b - a);
    if (lead[0] - lead[1] <= CLD3_MAX_VOTE) {
      const g = this.guess(t);
      const gl = g.language as Lang;
      if (score.has(gl)) add(gl, (g.reliable ? 2 : 1) * g.probability * Math.min(1, ws.length / 2 + 0.25));
    }

    // Only the Latin-script languages compete here.
    const ranked = (["fi", "sv", "en", "et", "so", "tr", "vi"] as Lang[])
      .map((l) => [l, score.get(l) ?? 0] as const)
      .sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (best[1] <= 0) return { lang: "fi", confidence: 0.2 };
    const confidence = Math.max(0.2, Math.min(0.99, (best[1] - second[1]) / (best[1] + 1) + 0.4));
    return { lang: best[0], confidence };
  }
}
