import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JaroWinklerDistance } from "natural/lib/natural/distance";
import YAML from "yaml";
import { z } from "zod";
import { contentDir } from "./paths";
import { isCompanyWord } from "./person";
import { BoundedMemo } from "./memo";

const PLACE_WORD_MEMO_BYTES = 1_000_000;
import { MunicipalityId } from "./schema";
import { foldArabicLetters, normalize, words } from "./text/tokenize";

/**
 * Where the person lives, from the words of a question. Finnish place names inflect
 * (Liminka → Limingassa, Hailuoto → Hailuodossa, Pudasjärvi → Pudasjärvellä), so each name is
 * a stem plus the case endings it takes; Swedish and foreign spellings are listed whole.
 */
const ENDINGS = "(n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|an|ää|aan|ään|een|seen|hin|un|on|en|in|na|nä|ksi|a|ä|lainen|laiset|läinen|läiset|laisena|läisenä)?";

function pattern(stems: string[]): RegExp {
  return new RegExp(`^(?:${stems.join("|")})${ENDINGS}$`, "u");
}

/** knowledge/content/places.yaml: spellings of the eleven, and every other municipality of Finland. */
export const PlacesFile = z.object({
  eleven: z.record(MunicipalityId, z.array(z.string().min(1))),
  outside: z.array(z.string().min(2)).min(1),
  outsideSpellings: z.record(z.string(), z.array(z.string().min(1))).default({}),
  needsCue: z.array(z.string()).default([]),
}).strict();
export type PlacesFile = z.infer<typeof PlacesFile>;

/** Without diacritics, as people type on a foreign keyboard: "tyrnava", "seinajoella". */
/** Letters people type either way: ä/a, ö/o, and the alef with or without madda or hamza (رآهه / راهه). */
export const fold = (w: string): string => w.replace(/[äå]/g, "a").replace(/ö/g, "o").replace(/[آأإ]/g, "ا");

const CASE_ENDINGS = ["", "n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "an", "än", "en", "in", "on", "un", "yn", "ön", "een", "seen", "hin", "han", "hän", "lainen", "läinen", "laiset", "läiset"];

/** Stems a Finnish place name inflects from: Lahti → lahde-, Seinäjoki → seinäjoe-, Oulainen → oulaise-. */
export function placeStems(name: string): string[] {
  const stems = new Set([name]);
  const swap = (from: string, to: string) => { if (name.endsWith(from)) stems.add(name.slice(0, -from.length) + to); };
  swap("nen", "se"); swap("nen", "si"); swap("joki", "joe"); swap("hti", "hde"); swap("mäki", "mäe"); swap("vesi", "vede");
  swap("nki", "ngi"); swap("nka", "nga"); swap("nta", "nna"); swap("ntä", "nnä"); swap("mpi", "mme");
  swap("kka", "ka"); swap("kkä", "kä"); swap("tti", "ti"); swap("us", "ukse"); swap("os", "okse"); swap("as", "aa");
  if (/[^aeiouyäö]i$/.test(name)) stems.add(name.slice(0, -1) + "e");
  if (name.endsWith("e")) stems.add(name + "e");
  return [...stems];
}

/** Forms a name takes in other scripts: Russian cases (Лиминка → Лиминке), Arabic prefixes (بأولو). */
function scriptForms(name: string): string[] {
  const forms = [name];
  if (/\p{Script=Cyrillic}[аяо]$/u.test(name)) for (const e of ["а", "е", "и", "у", "ы", "ой", "ою", "і"]) forms.push(name.slice(0, -1) + e);
  // Russian writes и where Ukrainian writes і for the same Finnish sound (Каяани / Каяані).
  if (/^\p{Script=Cyrillic}/u.test(name)) forms.push(...forms.flatMap((f) => [f.replace(/и/g, "і"), f.replace(/і/g, "и")]));
  if (/^\p{Script=Arabic}/u.test(name)) for (const p of ["ب", "ل", "و", "وب", "ول"]) forms.push(p + name);
  if (/\p{Script=Arabic}/u.test(name)) forms.push(...forms.map(fold));
  return forms;
}

interface Gazetteer {
  eleven: Map<string, MunicipalityId>;
  /** Names in scripts written without spaces, found inside the text. */
  unspaced: Array<[string, MunicipalityId | "outside"]>;
  unspacedSorted: string[];
  /** Every form of a place outside the area → its Finnish name. */
  outside: Map<string, string>;
  needsCue: Set<string>;
}

let cached: Gazetteer | undefined;

/** Reads places.yaml once; `npm run validate` reports its errors by file and field at load. */
function gazetteer(): Gazetteer {
  if (cached) return cached;
  const file = PlacesFile.parse(YAML.parse(readFileSync(join(contentDir(), "places.yaml"), "utf8")));
  const eleven = new Map<string, MunicipalityId>();
  const unspaced: Gazetteer["unspaced"] = [];
  for (const [id, names] of Object.entries(file.eleven) as Array<[MunicipalityId, string[]]>) {
    for (const n of names) {
      for (const f of scriptForms(normalize(n))) for (const w of [f, fold(f)]) eleven.set(w.replace(/-/g, ""), id);
      if (/\p{Script=Han}/u.test(n)) unspaced.push([n, id]);
    }
  }
  const outside = new Map<string, string>();
  for (const name of file.outside) {
    for (const stem of placeStems(name)) for (const e of CASE_ENDINGS) {
      outside.set(stem + e, name);
      outside.set(fold(stem + e), name);
    }
  }
  for (const [name, spellings] of Object.entries(file.outsideSpellings)) {
    for (const sp of spellings) {
      for (const f of scriptForms(normalize(sp))) outside.set(f, name);
      if (/\p{Script=Han}/u.test(sp)) unspaced.push([sp, "outside"]);
    }
  }
  const unspacedSorted = unspaced.map(([n]) => n).sort((a, b) => b.length - a.length);
  cached = { eleven, outside, unspaced, unspacedSorted, needsCue: new Set(file.needsCue) };
  return cached;
}

/** Place names in scripts written without spaces (Chinese), longest first. */
export function unspacedPlaceNames(): string[] {
  return gazetteer().unspacedSorted;
}

const ELEVEN: Array<[MunicipalityId, RegExp]> = [
  ["hailuoto", pattern(["hailuoto", "hailuodo", "hailuotoo"])],
  ["ii", pattern(["ii"])],
  ["kempele", pattern(["kempele", "kempelee"])],
  ["liminka", pattern(["liminka", "liminga", "liminkaa"])],
  ["lumijoki", pattern(["lumijoki", "lumijoe", "lumijokee"])],
  ["muhos", pattern(["muhos", "muhokse", "muhoks"])],
  ["oulu", pattern(["oulu", "haukipudas", "haukiputaa", "kiiminki", "kiimingi", "kiiming", "oulunsalo", "ylikiiminki", "ylikiimingi", "ylikiiming", "yliii"])],
  ["pudasjarvi", pattern(["pudasjärvi", "pudasjärve", "pudasjarvi", "pudasjarve"])],
  ["tyrnava", pattern(["tyrnävä", "tyrnävää", "tyrnava"])],
  ["utajarvi", pattern(["utajärvi", "utajärve", "utajarvi", "utajarve"])],
  ["vaala", pattern(["vaala", "vaalaa"])],
];

// Words that mark where someone lives ("asun", "bor", "live"), in the twelve languages.
const RESIDENCE = new RegExp(foldArabicLetters(String.raw`^(asun|asumme|asuu|asunut|muutin|muutan|muutimme|muutamme|moved|moving|flyttade|flyttar|kolisin|kolin|kotikunta\w*|bor|bosatt|hemkommun|live|living|lives|resident|живу|мешкаю|проживаю|elan|elame|住在|أسكن|أعيش|ساکن|زندگی|de+g+[ae]nahay|noolahay|nool|yaşıyorum|oturuyorum|yasiyorum|sống|song|ở|生活)$`), "u");

/** The municipalities' own names: proper names, written the same in every language of the buttons. */
export const MUNICIPALITY_NAMES: Record<MunicipalityId, string> = {
  hailuoto: "Hailuoto", ii: "Ii", kempele: "Kempele", liminka: "Liminka", lumijoki: "Lumijoki", muhos: "Muhos",
  oulu: "Oulu", pudasjarvi: "Pudasjärvi", tyrnava: "Tyrnävä", utajarvi: "Utajärvi", vaala: "Vaala",
};

export interface PlaceMention {
  municipality?: MunicipalityId;
  /** True when the person says they live outside the eleven municipalities. */
  outside: boolean;
  /** One of the eleven named beside a home elsewhere ("asun Tampereella, muutan Ouluun"). */
  also?: MunicipalityId;
  /** Where a company is, when a place is named beside a company word. */
  company?: { municipality?: MunicipalityId; outside: boolean };
}

/**
 * What one word says about places, as bits, worked out once per word: words recur across questions,
 * and each word is asked about by the search, the classifier's masking, small talk and findPlace.
 */
const F_OUTSIDE = 1 << 8;
const F_OUTSIDE_CUED = 1 << 9;
const F_RESIDENCE = 1 << 10;
const F_COMPANY = 1 << 11;
const ids = MunicipalityId.options;
const wordFacts = new BoundedMemo<number>(PLACE_WORD_MEMO_BYTES, (_v, k) => 48 + 2 * k.length);

function factsOf(w: string): number {
  const known = wordFacts.get(w);
  if (known !== undefined) return known;
  const eleven = elevenOf(w);
  const wrong = eleven ? undefined : misspelled(w);
  const f = (eleven ? ids.indexOf(eleven) + 1 : 0) | ((wrong ? ids.indexOf(wrong) + 1 : 0) << 4)
    | (isOutside(w) ? F_OUTSIDE : 0) | (isOutsideCued(w) ? F_OUTSIDE_CUED : 0)
    | (RESIDENCE.test(w) ? F_RESIDENCE : 0) | (isCompanyWord(w) ? F_COMPANY : 0);
  wordFacts.set(w, f);
  return f;
}
const elevenIn = (f: number): MunicipalityId | undefined => ((f & 15) === 0 ? undefined : ids[(f & 15) - 1]);
const misspeltIn = (f: number): MunicipalityId | undefined => (((f >> 4) & 15) === 0 ? undefined : ids[((f >> 4) & 15) - 1]);

/** Whether one word names a place: one of the eleven, or somewhere else in Finland. */
export function isPlaceWord(w: string): boolean {
  const f = factsOf(w);
  return (f & 15) !== 0 || (f & F_OUTSIDE_CUED) !== 0;
}

// Long names that people misspell ("Kempelesä", "Limingasa", "Pudasjärvelä"). Short ones
// (Ii, Oulu, Vaala, Muhos) are left out: "vaaleissa" (in the elections) is not Vaala.
const MISSPELLABLE: Array<[MunicipalityId, string]> = [
  ["kempele", "kempele"], ["liminka", "liminga"], ["liminka", "liminka"], ["lumijoki", "lumijoki"], ["lumijoki", "lumijoe"],
  ["pudasjarvi", "pudasjärv"], ["tyrnava", "tyrnävä"], ["utajarvi", "utajärv"], ["hailuoto", "hailuoto"], ["hailuoto", "hailuodo"],
];

function misspelled(w: string): MunicipalityId | undefined {
  if (w.length < 7) return undefined;
  for (const [id, stem] of MISSPELLABLE) {
    if (w.slice(0, 3) !== stem.slice(0, 3)) continue;
    if (JaroWinklerDistance(w.slice(0, stem.length), stem, {}) >= 0.93) return id;
  }
  return undefined;
}

/** Turkish writes the case after an apostrophe: "Oulu'da", "Kuusamo'dan". */
const beforeApostrophe = (word: string) => (word.includes("'") || word.includes("’") ? word.split(/['’]/)[0] : word);

/** One of the eleven, by its Finnish forms or by a spelling in the content (any script). */
function elevenOf(word: string): MunicipalityId | undefined {
  const w = beforeApostrophe(word);
  return ELEVEN.find(([, re]) => re.test(w))?.[0] ?? gazetteer().eleven.get(w) ?? gazetteer().eleven.get(fold(w));
}

const isOutside = (word: string): boolean => {
  const w = beforeApostrophe(word);
  const g = gazetteer();
  const name = g.outside.get(w) ?? g.outside.get(fold(w));
  return name !== undefined && !g.needsCue.has(name);
};
const isOutsideCued = (word: string): boolean => {
  const w = beforeApostrophe(word);
  return gazetteer().outside.has(w) || gazetteer().outside.has(fold(w));
};

const HAN = /\p{Script=Han}/u;

/** Where a sentence ends, in the scripts of the twelve languages. */
const SENTENCE_END = /[.?!;\n؟]+(?:\s|$)|[。？！]+/u;

/** A per-call cache of a fact about the i-th word: each loop below asks the same words again. */
function perWord<T>(n: number, fact: (i: number) => T): (i: number) => T {
  const known = new Array<T | undefined>(n);
  const done = new Uint8Array(n);
  return (i) => {
    if (!done[i]) {
      known[i] = fact(i);
      done[i] = 1;
    }
    return known[i] as T;
  };
}

export function findPlace(text: string): PlaceMention {
  // Yli-Ii is part of Oulu, not Ii.
  // A residence word speaks of places in its own sentence only: in "an interview in Helsingfors?
  // I live in Pudasjärvi" or "Kuusamo'da oturuyorum. Oulu'daki kurslar" the other place is not home.
  const sentences = text.replace(/yli-ii/giu, "yliii").split(SENTENCE_END);
  const ws: string[] = [];
  const sentenceOf: number[] = [];
  sentences.forEach((part, k) => {
    for (const w of words(part)) {
      ws.push(w);
      sentenceOf.push(k);
    }
  });
  const facts = ws.map(factsOf);
  const eleven = (i: number) =>
    // "Oulun seutu" is the whole area, not the city.
    /^oulu/.test(ws[i]) && /^(seu|alue|työllisyysalue)/.test(ws[i + 1] ?? "") ? undefined : elevenIn(facts[i]);
  const residence = (i: number) => (facts[i] & F_RESIDENCE) !== 0;
  const companyWord = (i: number) => (facts[i] & F_COMPANY) !== 0;
  const near = (i: number, test: (j: number) => boolean, before: number, after: number) => {
    for (let j = Math.max(0, i - before); j < Math.min(ws.length, i + 1 + after); j++) if (j !== i && sentenceOf[j] === sentenceOf[i] && test(j)) return true;
    return false;
  };
  // Verb-final languages say the place first: "Kuusamo'da yaşıyorum", "Kuusamo ayaan deganahay".
  const cued = perWord(ws.length, (i) => near(i, residence, 3, 2));
  const companyCued = perWord(ws.length, (i) => near(i, companyWord, 4, 2));
  const outside = (i: number) => (facts[i] & F_OUTSIDE) !== 0;
  const outsideCued = (i: number) => (facts[i] & F_OUTSIDE_CUED) !== 0;

  let company: PlaceMention["company"];
  for (let i = 0; i < ws.length && !company; i++) {
    if (!companyCued(i) || cued(i)) continue;
    const id = eleven(i);
    if (id) company = { municipality: id, outside: false };
    else if (outside(i)) company = { outside: true };
  }
  const firstEleven = (): MunicipalityId | undefined => {
    for (let i = 0; i < ws.length; i++) {
      const id = eleven(i);
      if (id) return id;
    }
    return undefined;
  };
  const withCompany = (p: PlaceMention): PlaceMention => (company ? { ...p, company } : p);

  // Chinese has no spaces: a place name is found inside the text; a home elsewhere wins.
  const han = HAN.test(text) ? gazetteer().unspaced.filter(([n]) => text.includes(n)) : [];
  // A home elsewhere written in Latin letters inside Chinese ("我住在Espoo") still wins.
  const latinElsewhere = ws.some((w, i) => /^[a-zäöå]/.test(w) && outsideCued(i) && (cued(i) || /住在|住|在/.test(text)));
  if (han.length > 0 && latinElsewhere) return withCompany({ outside: true, also: han.find(([, id]) => id !== "outside")?.[1] as MunicipalityId | undefined });
  if (han.length > 0) {
    const inArea = han.find(([, id]) => id !== "outside")?.[1] as MunicipalityId | undefined;
    if (han.some(([, id]) => id === "outside")) return withCompany({ outside: true, also: inArea });
    return withCompany({ municipality: inArea, outside: false });
  }
  // Where someone says they live wins over any other place they name
  // ("I live in Vantaa and want a course in Oulu").
  for (let i = 0; i < ws.length; i++) {
    if (!cued(i)) continue;
    const id = eleven(i);
    if (id) return withCompany({ municipality: id, outside: false });
    if (outsideCued(i)) return withCompany({ outside: true, also: firstEleven() });
  }
  for (let i = 0; i < ws.length; i++) {
    const id = eleven(i);
    if (id && !(company && companyCued(i))) return withCompany({ municipality: id, outside: false });
  }
  for (let i = 0; i < ws.length; i++) {
    const id = misspeltIn(facts[i]);
    if (id && !(company && companyCued(i))) return withCompany({ municipality: id, outside: false });
  }
  for (let i = 0; i < ws.length; i++) {
    if (!outside(i) || (company && companyCued(i))) continue;
    // A Finnish locative ("Tampereella", "Helsingissä") usually tells where one lives; "töitä Helsingissä" does not.
    const locative = /(ssa|ssä|lla|llä)$/.test(ws[i]) && !ws.slice(Math.max(0, i - 2), i).some((w) => /^(tö|työ|duuni|job)/.test(w));
    if (locative) return withCompany({ outside: true, also: firstEleven() });
  }
  return withCompany({ outside: false });
}
