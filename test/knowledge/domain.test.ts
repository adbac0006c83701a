import assert from "node:assert/strict";
import { DomainWords } from "../../knowledge/domain";
import type { Guide } from "../../knowledge/guide";
import { sharedGuide } from "../fixtures";

// A question about work is never refused as "not about employment services" just because of how
// it is spelt: Arabic writes the article onto the noun, Vietnamese is often typed without marks,
// and an employer says "staff" or "workers", not "recruitment".
describe("what counts as a question about work", () => {
  it("finds an Arabic work word behind its article or a joined preposition", () => {
    const d = new DomainWords({ ar: ["بطال", "توظيف"] });
    assert.ok(d.matches("متى تنزل اعانة البطالة؟"));
    assert.ok(d.matches("خدمات والتوظيف"));
    assert.ok(!d.matches("ما هو الطقس اليوم"));
  });

  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });
  const cases: Array<[string, string]> = [
    ["toi song o Muhos, muon tim viec lam, ai giup duoc khong", "Vietnamese without diacritics"],
    ["我在利明卡有个农场，夏天需要临时工", "an employer asking for seasonal workers in Chinese"],
    ["co ai giup tim nhan vien cho tiem nail o Oulu khong", "an employer asking for staff in Vietnamese without diacritics"],
  ];
  for (const [text, why] of cases) {
    it(`is not refused: ${why}`, () => {
      const r = guide.ask({ text });
      assert.equal(r.outOfScope, false, r.answer);
      assert.ok(r.channel, "a channel to go to");
    });
  }
});
