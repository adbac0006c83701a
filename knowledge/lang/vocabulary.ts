import type { Service } from "../load";
import { LANGS, type Lang } from "../schema";
import { words } from "../text/tokenize";

/**
 * Which of the twelve languages use a word, from the services' own texts and the interface
 * strings: the language detector's evidence for one- and two-word questions.
 */
export function languageVocabulary(services: Iterable<Service>, extra: Partial<Record<Lang, string[]>> = {}): Map<string, Set<Lang>> {
  const vocabulary = new Map<string, Set<Lang>>();
  const note = (text: string | undefined, lang: Lang) => {
    if (!text) return;
    for (const w of words(text)) {
      if (w.length < 2 || /^\d+$/.test(w)) continue;
      let set = vocabulary.get(w);
      if (!set) vocabulary.set(w, (set = new Set()));
      set.add(lang);
    }
  };
  for (const s of services) {
    for (const l of LANGS) for (const text of [s.title[l], s.summary[l], s.todo[l], ...(s.keywords[l] ?? [])]) note(text, l);
  }
  for (const [l, texts] of Object.entries(extra) as Array<[Lang, string[]]>) for (const text of texts) note(text, l);
  return vocabulary;
}
