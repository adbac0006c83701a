import { z } from "zod";
import { Lang } from "./schema";
import { normalize } from "./text/tokenize";

/** The article and the one-letter words Arabic writes onto a noun (و ب ف ل ک + ال, or لل). */
const ARABIC_PREFIX = /^(?:[وبفلک]?ال|لل)(?=\p{Script=Arabic}{2})/u;

export const DomainFile = z.partialRecord(Lang, z.array(z.string().trim().min(2)).min(1));
export type DomainFile = z.infer<typeof DomainFile>;

/**
 * Whether a question is about work and employment at all (domain.yaml): a one-word entry matches
 * the start of a word, an entry of several words matches anywhere in the text. Used only to
 * tell "I am not sure which service" from "this is not about employment services".
 */
export class DomainWords {
  private readonly prefixes = new Set<string>();
  private readonly phrases: string[] = [];
  private readonly longest: number;

  constructor(file: DomainFile) {
    for (const list of Object.values(file)) {
      for (const entry of list ?? []) {
        const e = normalize(entry);
        // Scripts without spaces between words (Chinese) match anywhere, as phrases do.
        if (/\s|\p{Script=Han}/u.test(e)) this.phrases.push(e);
        else this.prefixes.add(e);
      }
    }
    this.longest = Math.max(0, ...[...this.prefixes].map((p) => p.length));
  }

  /** Linear in the text: each word's starts are looked up, not every entry tried against every word. */
  matches(text: string): boolean {
    const t = normalize(text);
    if (this.phrases.some((p) => t.includes(p))) return true;
    for (const word of t.split(/[^\p{L}\p{N}-]+/u)) {
      // Arabic joins the article and small words to the noun: "البطالة", "والتوظيف", "للعمل".
      const w = word.replace(ARABIC_PREFIX, "");
      for (let k = 2; k <= Math.min(w.length, this.longest); k++) if (this.prefixes.has(w.slice(0, k))) return true;
    }
    return false;
  }
}
