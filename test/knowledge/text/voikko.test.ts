import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { compoundParts, loadVoikko, type FinnishMorphology } from "../../../knowledge/text/voikko";

// On a machine with the Debian packages a null analyser is a bug, not a missing dependency.
const debianVoikkoInstalled =
  existsSync("/usr/lib/x86_64-linux-gnu/libvoikko.so.1") && existsSync("/usr/lib/voikko/5/mor-standard");

describe("knowledge/text/voikko", () => {
  describe("compoundParts", () => {
    it("uses the forms in parentheses", () => {
      assert.deepEqual(compoundParts("+palkka(palkka)+tuki(tuki)", "palkkatuki"), ["palkka", "tuki"]);
    });

    it("gives no parts for a single member", () => {
      assert.deepEqual(compoundParts("+hakea(hakea)", "hakea"), []);
      assert.deepEqual(compoundParts("+kokeil(kokeilla)+u(+u)", "kokeilu"), []);
    });

    it("attaches derivational suffixes to the member before them", () => {
      assert.deepEqual(compoundParts("+työ(työ)+kokeil(kokeilla)+u(+u)", "työkokeilu"), ["työ", "kokeilu"]);
      assert.deepEqual(compoundParts("+työn(työ)+haki(hakea)+ja(+ja)", "työnhakija"), ["työ", "hakija"]);
    });

    it("skips hyphens between members", () => {
      assert.deepEqual(compoundParts("+linja(linja)+-+auto(auto)", "linja-auto"), ["linja", "auto"]);
    });

    it("tolerates malformed input", () => {
      assert.deepEqual(compoundParts("", null), []);
      assert.deepEqual(compoundParts("+(", null), []);
      assert.deepEqual(compoundParts("+a(+b)+c(", "x"), []);
    });
  });

  describe("loadVoikko", () => {
    it("returns null when REITTI_NO_VOIKKO=1", () => {
      const previous = process.env.REITTI_NO_VOIKKO;
      process.env.REITTI_NO_VOIKKO = "1";
      try {
        assert.equal(loadVoikko(), null);
      } finally {
        if (previous === undefined) delete process.env.REITTI_NO_VOIKKO;
        else process.env.REITTI_NO_VOIKKO = previous;
      }
    });
  });

  describe("analyze", () => {
    let voikko: FinnishMorphology | null = null;

    before(function () {
      voikko = loadVoikko();
      if (!voikko) {
        if (debianVoikkoInstalled) assert.fail("libvoikko and voikko-fi are installed but loadVoikko() returned null");
        this.skip();
      }
    });

    after(() => voikko?.close());

    const analyzer = (): FinnishMorphology => {
      assert.ok(voikko);
      return voikko;
    };

    const cases: [string, string[], string[]][] = [
      ["palkkatuen", ["palkkatuki"], ["palkka", "tuki"]],
      ["Kempeleessä", ["kempele"], []],
      ["työkokeiluun", ["työkokeilu"], ["työ", "kokeilu"]],
      ["haen", ["hakea"], []],
      ["kotoutumissuunnitelman", ["kotoutumissuunnitelma"], ["kotoutua", "suunnitelma"]],
    ];
    for (const [word, baseForms, parts] of cases) {
      it(`${word} → ${baseForms.join(", ")}`, () => {
        assert.deepEqual(analyzer().analyze(word), { baseForms, parts });
      });
    }

    it("lower-cases input", () => {
      assert.deepEqual(analyzer().analyze("PALKKATUEN"), analyzer().analyze("palkkatuen"));
    });

    it("returns empty results for unknown words", () => {
      assert.deepEqual(analyzer().analyze("xqzvbnmlkj"), { baseForms: [], parts: [] });
    });

    it("never throws on odd input", () => {
      const odd = ["", " ", "-", "\0", "kissa\0koira", "😀", "привет", "\ud800", "a".repeat(61), "x".repeat(10_000), "123", "TE-palvelut"];
      for (const word of odd) {
        const result = analyzer().analyze(word);
        assert.ok(Array.isArray(result.baseForms) && Array.isArray(result.parts), JSON.stringify(word));
      }
      assert.deepEqual(analyzer().analyze("a".repeat(61)), { baseForms: [], parts: [] });
      assert.deepEqual(analyzer().analyze("привет"), { baseForms: [], parts: [] });
    });

    it("does not let callers corrupt the cache", () => {
      const first = analyzer().analyze("palkkatuen");
      first.baseForms.push("roska");
      first.parts.length = 0;
      assert.deepEqual(analyzer().analyze("palkkatuen"), { baseForms: ["palkkatuki"], parts: ["palkka", "tuki"] });
    });

    it("stays usable past the cache limit", () => {
      for (let i = 0; i < 20_050; i++) analyzer().analyze(`sana${i}`);
      assert.deepEqual(analyzer().analyze("haen").baseForms, ["hakea"]);
    });

    it("returns empty results after close and tolerates closing twice", () => {
      const own = loadVoikko();
      assert.ok(own);
      assert.deepEqual(own.analyze("haen").baseForms, ["hakea"]);
      own.close();
      own.close();
      assert.deepEqual(own.analyze("haen"), { baseForms: [], parts: [] });
    });
  });
});
