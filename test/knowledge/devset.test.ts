import assert from "node:assert/strict";
import type { Guide } from "../../knowledge/guide";
import { evaluate, loadDevset, table, type Tally } from "../devset";
import { sharedGuide } from "../fixtures";

interface Floors { fisvenKind: number; fisvenSection: number; fisvenLang: number; otherKind: number; otherLang: number }

// Floors set from measured accuracy, a little below it: a drop fails the build.
// devset.jsonl was written first and used while building; heldout.jsonl was written later by
// someone who saw neither the code nor the first set (first measured at 84.6% fi/sv/en kind).
const SETS: Array<[string, Floors]> = [
  ["devset.jsonl", { fisvenKind: 0.9, fisvenSection: 0.88, fisvenLang: 0.95, otherKind: 0.75, otherLang: 0.9 }],
  ["heldout.jsonl", { fisvenKind: 0.88, fisvenSection: 0.9, fisvenLang: 0.95, otherKind: 0.75, otherLang: 0.9 }],
];

describe("labelled questions, asked without their language label", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });

  for (const [file, floors] of SETS) {
    it(`${file}: routes fi, sv and en questions right, and the other nine well enough`, () => {
      const { byLang, misses } = evaluate(guide, loadDevset(file));
      console.log(`\n${file}\n${table(byLang)}`);
      if (process.env.REITTI_SHOW_MISSES) for (const m of misses) console.log(JSON.stringify(m));
      const sum = (langs: string[], key: keyof Tally) => langs.reduce((a, l) => a + (byLang.get(l)?.[key] ?? 0), 0);
      const main = ["fi", "sv", "en"];
      const others = [...byLang.keys()].filter((l) => !main.includes(l));
      const n = sum(main, "n");
      const m = sum(others, "n");
      assert.ok(sum(main, "kind") / n >= floors.fisvenKind, `fi/sv/en channel kind ${sum(main, "kind")}/${n}`);
      assert.ok(sum(main, "section") / n >= floors.fisvenSection, `fi/sv/en section ${sum(main, "section")}/${n}`);
      assert.ok(sum(main, "lang") / n >= floors.fisvenLang, `fi/sv/en language ${sum(main, "lang")}/${n}`);
      assert.ok(sum(others, "kind") / m >= floors.otherKind, `other languages channel kind ${sum(others, "kind")}/${m}`);
      assert.ok(sum(others, "lang") / m >= floors.otherLang, `other languages language ${sum(others, "lang")}/${m}`);
    });
  }
});
