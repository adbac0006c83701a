import { z } from "zod";
import { Lang } from "./schema";
import { normalize } from "./text/tokenize";

export const DomainFile = z.partialRecord(Lang, z.array(z.string().trim().min(2)).min(1));
export type DomainFile = z.infer<typeof DomainFile>;

/**
 * Whether a question is about work and employment at all (domain.yaml): a one-word entry matches
 * the start of a word, an entry of several words matches anywhere in the text. Used only to
 * tell "I am not sure which service" from "this is not about employment services".
 */
export class DomainWords {
  private readonly prefixes: string[] = [];
  private readonly phrases: string[] = [];

  constructor(file: DomainFile) {
    for (const list of Object.values(file)) {
      for (const entry of list ?? []) {
        const e = normalize(entry);
        (/\s/.test(e) ? this.phrases : this.prefixes).push(e);
      }
    }
  }

  matches(text: string): boolean {
    const t = normalize(text);
    if (this.phrases.some((p) => t.includes(p))) return true;
    // Scripts without spaces between words (Chinese) match anywhere.
    const ws = t.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
    return this.prefixes.some((p) => (/\p{Script=Han}/u.test(p) ? t.includes(p) : ws.some((w) => w.startsWith(p))));
  }
}
