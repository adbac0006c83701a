import assert from "node:assert/strict";
import { findPlace } from "../../knowledge/places";

describe("where the person lives, from their words", () => {
  const cases: Array<[string, string | undefined, boolean]> = [
    ["asun Limingassa ja tarvitsen työllistymissuunnitelman", "liminka", false],
    ["Iissä asuva työtön", "ii", false],
    ["olen Pudasjärvellä", "pudasjarvi", false],
    ["Hailuodossa on vähän töitä", "hailuoto", false],
    ["muutin Lumijoelle", "lumijoki", false],
    ["Kempeleessä asuva yrittäjä", "kempele", false],
    ["asun Oulussa", "oulu", false],
    ["Muhoksella", "muhos", false],
    ["Tyrnävällä asun", "tyrnava", false],
    ["Utajärvellä", "utajarvi", false],
    ["Vaalassa", "vaala", false],
    ["jag bor i Uleåborg", "oulu", false],
    ["I live in Kempele", "kempele", false],
    ["Kiimingissä asun", "oulu", false],
    ["asun Tampereella", undefined, true],
    ["I live in Rovaniemi", undefined, true],
    ["haen töitä Helsingissä", undefined, false],
    ["Oulun seudun työllisyysalue", undefined, false],
    ["palkkatuki", undefined, false],
    ["I live in Vantaa and want a course in Oulu", undefined, true],
    ["jag bor i Vasa men vill jobba i Uleåborg", undefined, true],
    ["moved to Oulu from Germany", "oulu", false],
    ["asun kempelesä", "kempele", false],
    ["limingasa asun", "liminka", false],
    ["vaaleissa äänestin", undefined, false],
    // A residence word speaks of its own sentence: the place before it in another sentence is not home.
    ["Ersättning för en jobbintervju i Helsingfors? Jag bor i Pudasjärvi", "pudasjarvi", false],
    ["Kuusamo'da oturuyorum, işsizim. Oulu'daki kurslara katılabilir miyim?", undefined, true],
    // Persian writes Raahe with or without the madda.
    ["من تو رآهه زندگی می‌کنم", undefined, true],
  ];
  for (const [text, municipality, outside] of cases) {
    it(`"${text}" → ${municipality ?? (outside ? "outside the area" : "unknown")}`, () => {
      const p = findPlace(text);
      assert.equal(p.municipality, municipality);
      assert.equal(p.outside, outside);
    });
  }
});

import { oneEditApart } from "../../knowledge/search";

describe("one typo apart", () => {
  const cases: Array<[string, string, boolean]> = [
    ["palkkatuki", "palkaktuki", true],
    ["palkkatuki", "palkatuki", true],
    ["palkkatuki", "palkkatukii", true],
    ["palkkatuki", "palkkatyki", true],
    ["palkkatuki", "palkkatuki", false],
    ["palkkatuki", "pakkatuik", false],
  ];
  for (const [a, b, want] of cases) it(`${a} ~ ${b}: ${want}`, () => assert.equal(oneEditApart(a, b), want));
});
