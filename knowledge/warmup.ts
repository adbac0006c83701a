import { WARM_UP } from "./config";
import type { Guide } from "./guide";

/**
 * Asks a few of the content's own example phrasings in every language before real questions
 * come: V8 compiles the answer path on its first few hundred runs, and otherwise the first
 * people (or the first lines of a batch) pay for it, at two to three times the usual cost.
 * Nothing is answered from memory later: only the code gets compiled and the words' analyses
 * remembered, as any question would leave them.
 */
export function warmUp(guide: Guide, perLanguage = WARM_UP.perLanguage): number {
  let asked = 0;
  for (const file of guide.kb.examples) {
    const phrasings = Object.values(file.services).flat();
    // Spread over the file, not its first service only.
    const step = Math.max(1, Math.floor(phrasings.length / perLanguage));
    for (let i = 0; i < phrasings.length && i / step < perLanguage; i += step) {
      guide.ask({ text: phrasings[i] });
      asked++;
    }
  }
  return asked;
}
