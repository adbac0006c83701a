import assert from "node:assert/strict";
import type { Guide } from "../../knowledge/guide";
import type { Lang } from "../../knowledge/schema";
import { sharedGuide } from "../fixtures";

// How conversations open, in each of the twelve languages: a greeting, thanks, where I live with
// no need yet, where I live (elsewhere) and what I need, and a message no language can read.
const OPENERS: Record<Lang, { hello: string; thanks: string; home: string; elsewhere: string }> = {
  fi: { hello: "Moikka", thanks: "Kiitos paljon!", home: "Asun Oulussa", elsewhere: "Asun Kuusamossa ja etsin töitä" },
  sv: { hello: "Hej hej", thanks: "Tack så mycket!", home: "Jag bor i Uleåborg", elsewhere: "Jag bor i Kuusamo och söker jobb" },
  en: { hello: "Hello there", thanks: "Thanks a lot!", home: "I live in Oulu", elsewhere: "I live in Kuusamo and I'm looking for work" },
  ru: { hello: "Привет", thanks: "Спасибо большое!", home: "Я живу в Оулу", elsewhere: "Я живу в Куусамо и ищу работу" },
  uk: { hello: "Привіт", thanks: "Дуже дякую!", home: "Я мешкаю в Оулу", elsewhere: "Я живу в Куусамо і шукаю роботу" },
  et: { hello: "Tere", thanks: "Aitäh!", home: "Ma elan Oulus", elsewhere: "Ma elan Kuusamos ja otsin tööd" },
  ar: { hello: "مرحبا", thanks: "شكرا جزيلا", home: "أنا أسكن في أولو", elsewhere: "أسكن في كوسامو وأبحث عن عمل" },
  fa: { hello: "سلام، وقت بخیر", thanks: "خیلی ممنون", home: "من در اولو زندگی می‌کنم", elsewhere: "من در کوسامو زندگی می‌کنم و دنبال کار هستم" },
  so: { hello: "Salaan", thanks: "Mahadsanid!", home: "Waxaan degganahay Oulu", elsewhere: "Waxaan degganahay Kuusamo, shaqo ayaan raadinayaa" },
  zh: { hello: "你好", thanks: "谢谢！", home: "我住在奥卢", elsewhere: "我住在库萨莫，在找工作" },
  vi: { hello: "Xin chào", thanks: "Cảm ơn nhiều!", home: "Tôi sống ở Oulu", elsewhere: "Tôi sống ở Kuusamo và đang tìm việc" },
  tr: { hello: "Merhaba", thanks: "Çok teşekkürler!", home: "Oulu'da yaşıyorum", elsewhere: "Kuusamo'da yaşıyorum ve iş arıyorum" },
};

describe("openers get a fitting reply in every language", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });

  for (const [lang, o] of Object.entries(OPENERS) as Array<[Lang, (typeof OPENERS)[Lang]]>) {
    describe(lang, () => {
      it(`"${o.hello}" gets the greeting in ${lang}`, () => {
        const r = guide.ask({ text: o.hello });
        assert.equal(r.lang, lang);
        assert.equal(r.answer, guide.t(lang)("answer:greeting"));
        assert.equal(r.service, null);
      });
      it(`"${o.thanks}" gets "you're welcome", not the greeting`, () => {
        const r = guide.ask({ text: o.thanks });
        assert.equal(r.answer, guide.t(lang)("answer:smalltalk.thanks"));
      });
      it(`"${o.home}" is remembered as Oulu and asked what they need`, () => {
        const r = guide.ask({ text: o.home, lang });
        assert.equal(r.answer, guide.t(lang)("answer:smalltalk.livesIn", { place: "Oulu" }));
        assert.equal(r.service, null);
        assert.equal(r.outOfScope, false);
      });
      it(`"${o.elsewhere}" is sent to the employment area where they live`, () => {
        const r = guide.ask({ text: o.elsewhere });
        assert.equal(r.channel?.kind, "other-area");
        assert.equal(r.lang, lang);
      });
      it("an unreadable message is asked again, not refused as off topic", () => {
        const r = guide.ask({ text: "sdfkj qwpoe zzxv", lang });
        assert.equal(r.answer, guide.t(lang)("answer:smalltalk.gibberish"));
        assert.equal(r.outOfScope, false);
      });
    });
  }
});
