// Finnish morphology through libvoikko (voikko-fi dictionary), called via koffi FFI.
import type * as KoffiModule from "koffi";

export interface FinnishAnalysis {
  baseForms: string[];
  parts: string[];
}

export interface FinnishMorphology {
  /**
   * Base forms (lower case, unique) and compound parts in base form (from WORDBASES,
   * e.g. "palkkatuen" → baseForms ["palkkatuki"], parts ["palkka","tuki"]).
   * Parts are only given for compounds; unknown word → both empty.
   */
  analyze(word: string): FinnishAnalysis;
  close(): void;
}

const CACHE_LIMIT = 20_000;
const MAX_WORD_LENGTH = 60;
// libvoikko caps analyses at 31 (LIBVOIKKO_MAX_ANALYSIS_COUNT); guards against a missing terminator.
const MAX_ANALYSES = 32;

// Ordered so the dynamic loader's own search wins; absolute paths cover unusual ld caches.
const LIBRARY_CANDIDATES = [
  "libvoikko.so.1",
  "/usr/lib/x86_64-linux-gnu/libvoikko.so.1",
  "/usr/lib/aarch64-linux-gnu/libvoikko.so.1",
  "/usr/local/lib/libvoikko.so.1",
  "/usr/lib64/libvoikko.so.1",
  "/opt/homebrew/lib/libvoikko.1.dylib",
  "/usr/local/lib/libvoikko.1.dylib",
  "libvoikko-1.dll",
];

interface Morpheme {
  surface: string;
  base: string;
}

interface Bindings {
  analyzeWord(word: string): unknown;
  value(analysis: number | bigint, key: string): string | null;
  freeAnalyses(analyses: unknown): void;
  terminate(): void;
  /** Element address as an integer: koffi 2.16 leaks memory on every `void *` decode. */
  pointerAt(array: unknown, index: number): number | bigint;
}

// Shared by cache entries; analyze() always hands out copies.
const EMPTY: FinnishAnalysis = { baseForms: [], parts: [] };

function emptyResult(): FinnishAnalysis {
  return { baseForms: [], parts: [] };
}

/** Returns an analyser, or null when libvoikko or the Finnish dictionary is missing (never throws). */
export function loadVoikko(): FinnishMorphology | null {
  if (process.env.REITTI_NO_VOIKKO === "1") return null;
  try {
    const bindings = bind();
    return bindings ? createMorphology(bindings) : null;
  } catch {
    return null;
  }
}

function bind(): Bindings | null {
  // Required lazily so a missing native koffi build degrades to the fallback instead of failing import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  const koffi: typeof KoffiModule = require("koffi");

  let lib: KoffiModule.IKoffiLib | null = null;
  for (const candidate of LIBRARY_CANDIDATES) {
    try {
      lib = koffi.load(candidate);
      break;
    } catch {
      // try the next location
    }
  }
  if (!lib) return null;

  const init = lib.func("void *voikkoInit(_Out_ const char **error, const char *langcode, const char *path)");
  const terminate = lib.func("void voikkoTerminate(void *handle)");
  const analyzeWord = lib.func("void *voikkoAnalyzeWordCstr(void *handle, const char *word)");
  const freeAnalyses = lib.func("void voikko_free_mor_analysis(void *analysis)");
  const freeValue = lib.func("void voikko_free_mor_analysis_value_cstr(void *value)");
  // Values are heap strings owned by libvoikko; the disposable type frees them after conversion.
  const ownedString = koffi.disposable("str", freeValue);
  const valueOf = lib.func("voikko_mor_analysis_value_cstr", ownedString, ["uintptr_t", "const char *"]);

  const error: (string | null)[] = [null];
  // A null path lets libvoikko search its defaults (VOIKKO_DICTIONARY_PATH, /usr/lib/voikko, ...).
  const handle: unknown = init(error, "fi", null);
  if (!handle) return null;

  const pointerSize = koffi.sizeof("void *");
  let open = true;
  return {
    analyzeWord: (word) => (open ? analyzeWord(handle, word) : null),
    value: (analysis, key) => {
      const v: unknown = valueOf(analysis, key);
      return typeof v === "string" ? v : null;
    },
    freeAnalyses: (analyses) => freeAnalyses(analyses),
    terminate: () => {
      if (!open) return;
      open = false;
      terminate(handle);
    },
    pointerAt: (array, index) => {
      const address: unknown = koffi.decode(array, index * pointerSize, "uintptr_t");
      return typeof address === "number" || typeof address === "bigint" ? address : 0;
    },
  };
}

function createMorphology(bindings: Bindings): FinnishMorphology {
  // Map keeps insertion order, so the first key is the oldest entry.
  const cache = new Map<string, FinnishAnalysis>();
  let closed = false;

  const lookup = (word: string): FinnishAnalysis => {
    const cached = cache.get(word);
    if (cached) return cached;
    const result = runAnalysis(bindings, word);
    cache.set(word, result);
    if (cache.size > CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    return result;
  };

  return {
    analyze(word: string): FinnishAnalysis {
      try {
        if (closed || typeof word !== "string") return emptyResult();
        const lower = word.toLowerCase();
        // NUL would silently truncate the C string and analyse a different word.
        if (lower.length === 0 || lower.length > MAX_WORD_LENGTH || lower.includes("\0")) return emptyResult();
        const result = lookup(lower);
        // Copies keep callers from mutating cached entries.
        return { baseForms: [...result.baseForms], parts: [...result.parts] };
      } catch {
        return emptyResult();
      }
    },
    close(): void {
      if (closed) return;
      closed = true;
      cache.clear();
      try {
        bindings.terminate();
      } catch {
        // nothing useful to do during shutdown
      }
    },
  };
}

function runAnalysis(bindings: Bindings, word: string): FinnishAnalysis {
  const analyses = bindings.analyzeWord(word);
  if (!analyses) return EMPTY;
  const baseForms = new Set<string>();
  const parts = new Set<string>();
  try {
    for (let i = 0; i < MAX_ANALYSES; i++) {
      const analysis = bindings.pointerAt(analyses, i);
      if (analysis === 0 || analysis === 0n) break;
      const baseForm = bindings.value(analysis, "BASEFORM")?.toLowerCase() ?? null;
      if (baseForm) baseForms.add(baseForm);
      const wordBases = bindings.value(analysis, "WORDBASES");
      if (wordBases) for (const part of compoundParts(wordBases, baseForm)) parts.add(part);
    }
  } finally {
    bindings.freeAnalyses(analyses);
  }
  if (baseForms.size === 0 && parts.size === 0) return EMPTY;
  return { baseForms: [...baseForms], parts: [...parts] };
}

/**
 * Splits WORDBASES ("+palkka(palkka)+tuki(tuki)") into compound parts in base form.
 * Derivational suffixes ("+u(+u)") belong to the preceding part; a lone part means no compound.
 */
export function compoundParts(wordBases: string, baseForm: string | null): string[] {
  const morphemes: Morpheme[] = [];
  for (const m of wordBases.matchAll(/\+([^+(]*)(?:\(([^)]*)\))?/g)) {
    const surface = m[1] ?? "";
    morphemes.push({ surface, base: m[2] ?? surface });
  }

  // Each group is one compound member: a root morpheme plus its derivational suffixes.
  const groups: Morpheme[][] = [];
  const separatorSurface: string[] = [];
  for (const morpheme of morphemes) {
    if (morpheme.base.startsWith("+")) {
      groups[groups.length - 1]?.push(morpheme);
    } else if (/[\p{L}\p{N}]/u.test(morpheme.base)) {
      groups.push([morpheme]);
    } else {
      // Hyphens etc. are not members but still occupy surface text before the next member.
      separatorSurface[groups.length] = (separatorSurface[groups.length] ?? "") + morpheme.surface;
    }
  }
  if (groups.length < 2) return [];

  const parts: string[] = [];
  let prefix = "";
  groups.forEach((group, index) => {
    prefix += separatorSurface[index] ?? "";
    let part = group[0].base.toLowerCase();
    // A derived last member ("kokeil+u") has no base in WORDBASES; cut it from BASEFORM instead.
    const isLast = index === groups.length - 1;
    if (isLast && group.length > 1 && baseForm && baseForm.startsWith(prefix) && baseForm.length > prefix.length) {
      part = baseForm.slice(prefix.length);
    }
    if (part) parts.push(part);
    prefix += group.map((m) => m.surface).join("").toLowerCase();
  });
  return parts;
}
