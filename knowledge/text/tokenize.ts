import { BoundedMemo } from "../memo";

// Word segmentation with Intl.Segmenter: natural's tokenizers split Finnish words at ä/ö
// ("työnhakuun" → "ty" + "nhakuun"), and Chinese has no spaces at all.
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(locale, s);
  }
  return s;
}

/** Lower-case, composed Unicode, Arabic/Persian letter variants folded, zero-width joiners as spaces. */
export function normalize(text: string): string {
  return foldArabicLetters(text.normalize("NFC").toLowerCase().replace(/\u200c|\u200d|\u00ad/g, " "));
}

/** Arabic and Persian write ي/ی and ك/ک for the same letters; vowel marks are optional. */
export function foldArabicLetters(text: string): string {
  return text.replace(/[يى]/g, "ی").replace(/ك/g, "ک").replace(/[\u064b-\u065f\u0670]/g, "");
}

// Building the index segments the same titles and keywords several times; segmenting is the slow part.
// Bounded in bytes, not entries: a 1,000-character question weighs what it is, not one slot of many.
const MEMO_MAX_BYTES = 8 * 1024 * 1024;
const memo = new BoundedMemo<string[]>(MEMO_MAX_BYTES, (value, key) => key.length * 2 + value.reduce((n, w) => n + w.length * 2 + 32, 64));

/** Words of a text, lower-cased. Hyphenated compounds ("TE-palveluihin") come as parts and as the whole. */
export function words(text: string, locale = "fi"): string[] {
  const key = locale + "\u0000" + text;
  const hit = memo.get(key);
  if (hit) return hit;
  const out = segment(text, locale);
  memo.set(key, out);
  return out;
}

// Scripts written without spaces need a dictionary segmenter; the rest split on letters.
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

function segment(text: string, locale: string): string[] {
  const out: string[] = [];
  const norm = normalize(text);
  if (NO_SPACES.test(norm)) {
    for (const seg of segmenter(locale).segment(norm)) if (seg.isWordLike) out.push(seg.segment);
  } else {
    for (const m of norm.matchAll(WORD)) out.push(m[0]);
  }
  // Hyphenated words: keep the joined form too, since people also write them together.
  for (const m of norm.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
    out.push(m[0].replace(/-/g, ""));
  }
  return out;
}
