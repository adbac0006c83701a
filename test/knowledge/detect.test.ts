import assert from "node:assert/strict";
import type { Guide } from "../../knowledge/guide";
import { sharedGuide } from "../fixtures";

describe("language of a short question", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });
  // Short queries, including the confusable pairs fi/et, ru/uk and ar/fa.
  const cases: Array<[string, string]> = [
    ["Missä haen palkkatukea?", "fi"],
    ["työkokeilu", "fi"],
    ["kotoutumissuunnitelma", "fi"],
    ["mistä saan starttirahaa", "fi"],
    ["Var söker jag lönesubvention?", "sv"],
    ["arbetsprövning", "sv"],
    ["can I move my unemployment benefit to Sweden", "en"],
    ["pay subsidy", "en"],
    ["Где получить пособие по безработице?", "ru"],
    ["работа в Оулу", "ru"],
    ["Де отримати допомогу з безробіття?", "uk"],
    ["шукаю роботу", "uk"],
    ["Kus ma saan tööd otsida?", "et"],
    ["töötu abiraha", "et"],
    ["أين أجد عملا في أولو؟", "ar"],
    ["خطة الاندماج", "ar"],
    ["کجا کار پیدا کنم؟", "fa"],
    ["برنامه ادغام", "fa"],
    ["Xagee shaqo ka heli karaa?", "so"],
    ["我在哪里找工作？", "zh"],
    ["Tôi tìm việc ở đâu?", "vi"],
    ["Nerede iş bulabilirim?", "tr"],
  ];
  for (const [text, lang] of cases) {
    it(`"${text}" is ${lang}`, () => {
      assert.equal(guide.detector.detect(text).lang, lang);
    });
  }
  it("the request's lang wins over detection", () => {
    const r = guide.ask({ text: "palkkatuki", lang: "en" });
    assert.equal(r.lang, "en");
    assert.match(r.answer, /Pay subsidy/i);
  });
});
