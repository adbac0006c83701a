import { UNDERSTANDING as U } from "../config";
import type { SmallTalk } from "../schema";
import type { SearchResult } from "../search";
import type { ExampleClassifier } from "./classifier";

export interface Ranked {
  id: string;
  score: number;
}

export type Recognition =
  | { type: "smalltalk"; intent: SmallTalk; confidence: number }
  | {
    type: "services"; ranked: Ranked[]; confidence: number; named: boolean; exampleScore: number;
    /** The example classifier and the word ranking name the same service first. */
    agree: boolean;
  };

const lunrStrength = (score: number) => 1 - Math.exp(-score / 8);

/**
 * One reading of a question: the example classifier (character n-grams, any language) and the
 * lunr ranking (analysed words, names said in full) vote together; small talk is recognised
 * from its own examples when nothing about a service is said.
 */
export function recognise(
  classifier: ExampleClassifier, maskedText: string, lunr: SearchResult, lunrConfidence: number,
  prior: (id: string) => number = () => 1,
): Recognition {
  // The leaders are enough: combineTop services, and small talk only matters when it leads them.
  const cls = classifier.classify(maskedText, 2 * U.combineTop);
  const services = cls.filter((c) => !c.label.startsWith("smalltalk:"));
  const talk = cls.find((c) => c.label.startsWith("smalltalk:"));
  const bestService = services[0]?.score ?? 0;
  const named = lunr.hits[0]?.named !== undefined;
  // Small talk that says nothing about a service: "I live in Oulu", "thanks". A word that happens to
  // be a service keyword ("живу" in "живу далеко") does not outweigh a close small-talk example.
  const clearTalk = talk !== undefined && talk.score >= bestService + U.smallTalkClearMargin;
  const short = maskedText.split(/\s+/).filter(Boolean).length <= U.smallTalkMaxWords;
  // "I live in Kajaani, can I join the courses in Oulu?" asks something: saying where one lives is no question.
  const asksAfterPlace = talk?.label === "smalltalk:lives-in" && /[?？؟]/.test(maskedText);
  if (talk && !named && short && !asksAfterPlace && talk.score >= U.smallTalkFloor && talk.score > bestService + U.smallTalkMargin && (lunrConfidence < U.suggestBelow || clearTalk)) {
    return { type: "smalltalk", intent: talk.label.slice("smalltalk:".length) as SmallTalk, confidence: talk.score };
  }
  const combined = new Map<string, number>();
  for (const c of services.slice(0, U.combineTop)) combined.set(c.label, c.score);
  // The word ranking counts by how strong its leader is and how close to the leader each hit is.
  const top = lunr.hits[0]?.score ?? 0;
  for (const h of lunr.hits.slice(0, U.combineTop)) {
    const relative = U.lunrRelative ? h.score / top : 1;
    // A service named outright by its title ("starttiraha") is what the question is about.
    const named = h.named === "title" ? U.titleNamedBonus : 0;
    combined.set(h.id, (combined.get(h.id) ?? 0) + U.lunrWeight * lunrStrength(top) * relative ** U.lunrRelative + named);
  }
  const ranked = [...combined.entries()].map(([id, score]) => ({ id, score: score * prior(id) })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const [a, b] = ranked;
  let confidence = 0;
  if (a) {
    const margin = b ? (a.score - b.score) / a.score : 1;
    const measured = Math.min(1, a.score / (1 + U.lunrWeight * 0.6)) * (0.5 + 0.5 * margin);
    // The lunr reading's own confidence (coverage, names said in full) counts when it agrees.
    confidence = lunr.hits[0]?.id === a.id ? Math.max(measured, lunrConfidence) : measured;
  }
  const agree = services[0] !== undefined && services[0].label === lunr.hits[0]?.id;
  return { type: "services", ranked, confidence: Math.max(0, Math.min(1, confidence)), named, exampleScore: bestService, agree };
}
