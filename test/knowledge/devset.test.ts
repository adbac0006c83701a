import assert from "node:assert/strict";
import type { Guide } from "../../knowledge/guide";
import { evaluate, loadDevset, table, type Tally } from "../devset";
import { sharedGuide } from "../fixtures";

// Floors set from measured accuracy on this set, a little below it: a drop fails the build.
const FLOORS = { fisvenKind: 0.9, fisvenSection: 0.88, fisvenLang: 0.95, otherKind: 0.75, otherLang: 0.9 };

describe("the development set of labelled questions", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });

  it("routes fi, sv and en questions right, and the other nine well enough", () => {
    const { byLang, misses } = evaluate(guide, loadDevset());
    console.log("\n" + table(byLang));
    if (process.env.REITTI_SHOW_MISSES) for (const m of misses) console.log(JSON.stringify(m));
    const sum = (langs: string[], key: keyof Tally) => langs.reduce((a, l) => a + (byLang.get(l)?.[key] ?? 0), 0);
    const main = ["fi", "sv", "en"];
    const others = [...byLang.keys()].filter((l) => !main.includes(l));
    const n = sum(main, "n");
    const m = sum(others, "n");
    assert.ok(sum(main, "kind") / n >= FLOORS.fisvenKind, `fi/sv/en channel kind ${sum(main, "kind")}/${n}`);
    assert.ok(sum(main, "section") / n >= FLOORS.fisvenSection, `fi/sv/en section ${sum(main, "section")}/${n}`);
    assert.ok(sum(main, "lang") / n >= FLOORS.fisvenLang, `fi/sv/en language ${sum(main, "lang")}/${n}`);
    assert.ok(sum(others, "kind") / m >= FLOORS.otherKind, `other languages channel kind ${sum(others, "kind")}/${m}`);
    assert.ok(sum(others, "lang") / m >= FLOORS.otherLang, `other languages language ${sum(others, "lang")}/${m}`);
  });
});
