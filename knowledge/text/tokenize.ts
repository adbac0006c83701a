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
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u200c\u200d\u00ad]/g, " ")
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[\u064b-\u065f\u0670]/g, "");
}

/** Words of a text, lower-cased. Hyphenated compounds ("TE-palveluihin") come as parts and as the whole. */
export function words(text: string, locale = "fi"): string[] {
  const out: string[] = [];
  const norm = normalize(text);
  for (const seg of segmenter(locale).segment(norm)) {
    if (seg.isWordLike) out.push(seg.segment);
  }
  // Hyphenated words: keep the joined form too, since people also write them together.
  for (const m of norm.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
    out.push(m[0].replace(/-/g, ""));
  }
  return out;
}
