import type { Knowledge } from "../load";
import { unspacedPlaceNames } from "../places";
import { LANGS } from "../schema";
import { normalize } from "../text/tokenize";

/** A place name becomes this token on both sides, so "I live in {place}" learns every place at once. */
export const PLACE_TOKEN = "xplacex";

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

/** The text with every place name (as `isPlace` knows them) replaced by one token. */
export function maskPlaces(text: string, isPlace: (w: string) => boolean): string {
  let out = text.replace(/\{place\}/g, PLACE_TOKEN);
  // Chinese has no spaces: names are found inside the text.
  if (/\p{Script=Han}/u.test(out)) for (const name of unspacedPlaceNames()) out = out.split(name).join(` ${PLACE_TOKEN} `);
  return out.replace(TOKEN, (w) => (isPlace(normalize(w)) ? PLACE_TOKEN : w));
}

export const smallTalkLabel = (intent: string): string => `smalltalk:${intent}`;

/**
 * What the classifier learns from: the example phrasings of examples/<lang>.yaml, and each
 * service's titles, LIITE 1 names and keywords in every language (people copy names from letters).
 */
export function trainingExamples(kb: Knowledge, isPlace: (w: string) => boolean): Array<{ label: string; text: string }> {
  const out: Array<{ label: string; text: string }> = [];
  const add = (label: string, text: string) => out.push({ label, text: maskPlaces(text, isPlace) });
  for (const file of kb.examples) {
    for (const [id, texts] of Object.entries(file.services)) for (const t of texts) add(id, t);
    for (const [intent, texts] of Object.entries(file.smalltalk)) for (const t of texts ?? []) add(smallTalkLabel(intent), t);
  }
  for (const s of kb.services.values()) {
    for (const l of LANGS) {
      const title = s.title[l];
      if (title) add(s.id, title);
      for (const k of s.keywords[l] ?? []) add(s.id, k);
    }
    for (const n of s.liite1) add(s.id, n);
  }
  return out;
}
