import assert from "node:assert/strict";
import type { Guide } from "../../knowledge/guide";
import { findPlace } from "../../knowledge/places";
import { sharedGuide } from "../fixtures";

// The plan routes by the person: where they live, where their company is, whether they are moving here.
describe("routing by the person, not by the language they write", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });
  const cases: Array<[string, Partial<{ municipality: "kempele"; role: "employer" }>, string, string]> = [
    ["Asun Tampereella ja suunnittelen muuttoa Ouluun", {}, "international-house", "3.2.2: people planning to move here"],
    ["I live in Tampere and I'm planning to move to Oulu next spring, where can I get information about jobs there?", {}, "international-house", "3.2.2"],
    ["I live in Kempele and need general advice about employment services", {}, "municipality", "3.2.2: alongside the municipality, not instead"],
    ["Voinko tulla kysymään neuvoa ilman ajanvarausta? Asun Oulussa.", {}, "businessasema", "2.1: Oulu residents walk in at BusinessAsema"],
    ["Do I need an appointment to visit BusinessAsema?", {}, "businessasema", "asking about BusinessAsema's walk-in gets BusinessAsema"],
    ["Mieheni ei osaa suomea. Missä hän voi käydä kysymässä työasioista ilman ajanvarausta?", {}, "international-house", "5.1: a foreign-language client, though the message is Finnish"],
    ["Min fru talar inte finska ännu. Kan hon komma in utan tidsbokning och fråga om jobb?", {}, "international-house", "5.1, in Swedish"],
    ["What does Yrittäjä-Suomi do for someone opening a small shop?", {}, "state", "2.1: naming the state's Yrittäjä-Suomi gets it, not general start-up advice"],
    ["Yrittäjä-Suomi能帮我什么？我想开一家小店", {}, "state", "2.1, the Finnish name inside Chinese"],
  ];
  for (const [text, req, kind, why] of cases) {
    it(`"${text}" → ${kind} (${why})`, () => {
      assert.equal(guide.ask({ text, ...req }).channel?.kind, kind);
    });
  }

  it("an employer's local services follow the company's municipality, not the owner's home (2.4 a, b)", () => {
    const s = guide.kb.services.get("recruitment-services")!;
    const r = guide.routeFor(s, { lang: "fi", outside: true, company: "liminka" });
    assert.equal(r.target.type === "channel" && r.target.channel.id, "municipality-liminka");
    const asked = guide.ask({ text: "Asun Raahessa, yritykseni on Limingassa. Tarvitsen apua rekrytointiin." });
    assert.equal(asked.channel?.id, "municipality-liminka");
  });

  it("an English-writing Kempele resident gets their municipality, with International House only beside it", () => {
    const s = guide.kb.services.get("employment-plan")!;
    const r = guide.routeFor(s, { lang: "en", municipality: "kempele", outside: false, foreignLanguage: false });
    assert.equal(r.target.type === "channel" && r.target.channel.id, "municipality-kempele");
    assert.ok(!r.alternatives.some((a) => a.type === "channel" && a.channel.kind === "international-house"));
  });

  it("a Finnish citizen writing English is not a foreign-language client", () => {
    const r = guide.ask({ text: "Finnish citizen here, I live in Kempele. Where can I walk in to ask about jobs without an appointment?" });
    assert.notEqual(r.channel?.kind, "international-house");
  });
});

describe("places named in the message", () => {
  const cases: Array<[string, string | undefined, boolean, string | undefined]> = [
    ["Asun Raahessa, yritykseni on Limingassa", undefined, true, "liminka"],
    ["our company in Kempele needs two welders", undefined, false, "kempele"],
    ["asun Seinäjoella", undefined, true, undefined],
    ["I live in Lahti", undefined, true, undefined],
    ["asun lahdessa", undefined, true, undefined],
    ["asun Siikajoella ja etsin töitä", undefined, true, undefined],
    ["asun Oulaisissa", undefined, true, undefined],
  ];
  for (const [text, municipality, outside, company] of cases) {
    it(`"${text}"`, () => {
      const p = findPlace(text);
      assert.equal(p.municipality, municipality);
      assert.equal(p.outside, outside);
      assert.equal(p.company?.municipality, company);
    });
  }
});
