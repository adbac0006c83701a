// Issue 8, "Content truth": each numbered finding as a check a person would notice.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listServices } from "../../knowledge/catalogue";
import { readLiite1 } from "../../knowledge/validate";
import type { Guide } from "../../knowledge/guide";
import { inLang } from "../../knowledge/localize";
import { projectRoot } from "../../knowledge/paths";
import { LANGS, type Lang } from "../../knowledge/schema";
import { serviceOf, sharedGuide } from "../fixtures";

describe("content truth (issue 8)", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });
  const service = (id: string) => serviceOf(guide, id);
  const note = (key: string, lang: Lang) => guide.t(lang)(`notes:${key}`);
  /** 1.8.2024 as each language writes it in our texts. */
  const AUG_2024 = /1\.8\.2024|2024年8月1日/;

  describe("4: 2.2.6, job seekers past the integration period", () => {
    it("who still need integration services are served centrally by the lead municipality", () => {
      for (const [text, municipality] of [
        ["Kotoutumisaikani päättyi viime vuonna, mutta tarvitsen vielä kotoutumispalveluja. Asun Kempeleessä.", "kempele"],
        ["My integration period is over but I still need help with integrating. I live in Liminka.", "liminka"],
        ["Integrationstiden har gått ut men jag behöver fortfarande hjälp, jag bor i Muhos", "muhos"],
      ] as const) {
        const r = guide.ask({ text });
        assert.equal(r.service?.id, "integration-after-period", text);
        assert.equal(r.channel?.kind, "businessasema", text);
        assert.ok(r.citations.includes("2.2.6"), text);
        assert.ok(r.alternatives.some((a) => a.id === `municipality-${municipality}`), `${text}: own municipality offered beside`);
      }
    });
    it("says in every language that other immigrant job seekers are served by their own municipality", () => {
      const s = service("integration-after-period");
      assert.deepEqual(s.delivery, ["centralized"]);
      for (const lang of LANGS) assert.ok(inLang(s.summary, lang), lang);
      assert.match(s.summary.fi, /Muiden maahanmuuttajataustaisten työnhakijoiden työvoimapalveluista vastaa oma kunta/);
      assert.match(s.summary.en, /All other immigrant job seekers get their employment services from their own municipality/);
    });
    it("an immigrant job seeker with no such need still goes to their municipality", () => {
      const r = guide.ask({ text: "Olen maahanmuuttaja ja asun Kempeleessä, tarvitsen työllistymissuunnitelman" });
      assert.equal(r.channel?.kind, "municipality");
    });
  });

  describe("5: what to do agrees with where the person is sent", () => {
    it("a foreign-language client sent to International House is not told to go to their municipality", () => {
      const withForeignRoute = [...guide.kb.services.values()].filter((s) => s.foreignLanguageRoute);
      // Walk-in advice (plan 5.1); general advice stays with the municipality for everyone (3.2.2).
      assert.ok(withForeignRoute.length >= 1);
      for (const s of withForeignRoute) {
        for (const lang of ["en", "ar", "ru"] as const) {
          const r = guide.explain(s.id, { lang, municipality: "kempele", role: "immigrant" });
          assert.equal(r.channel?.kind, "international-house", `${s.id} ${lang}`);
          assert.ok(!r.answer.includes(inLang(s.todo, lang)!), `${s.id} ${lang}: the municipality's instructions are shown`);
          assert.ok(r.answer.includes(guide.t(lang)("answer:todo.international-house")), `${s.id} ${lang}`);
        }
      }
    });
    it("asked in words, the walk-in answer names International House and only it as where to go", () => {
      const r = guide.ask({ text: "Where can I walk in without an appointment to ask about work? I live in Kempele", role: "immigrant" });
      assert.equal(r.channel?.kind, "international-house");
      assert.doesNotMatch(r.answer, /Go to your own municipality/);
    });
    it("the advisors' catalogue gives the same what-to-do as the route", () => {
      const entry = listServices(guide, { lang: "ar", municipality: "kempele" }).find((e) => e.id === "walk-in-advice")!;
      const own = inLang(service("walk-in-advice").todo, "ar");
      assert.equal(entry.todo, entry.channel.kind === "international-house" ? guide.t("ar")("answer:todo.international-house") : own);
    });
  });

  describe("6: starting a business is local, with the central and bought parts beside it", () => {
    it("routes to the person's own municipality and cites 2.4 and 2.6.3", () => {
      for (const [text, m] of [["haluan perustaa yrityksen, asun Iissä", "municipality-ii"], ["I want to start my own company, I live in Muhos", "municipality-muhos"]]) {
        const r = guide.ask({ text });
        assert.equal(r.service?.id, "business-startup-advice", text);
        assert.equal(r.channel?.id, m, text);
        assert.ok(r.citations.includes("2.4") && r.citations.includes("2.6.3"), text);
      }
    });
    it("says what is local, what is central (the start-up grant) and what is bought, in every language", () => {
      const s = service("business-startup-advice");
      assert.deepEqual(s.delivery, ["local", "centralized"]);
      for (const lang of LANGS) assert.match(inLang(s.summary, lang)!, /starttiraha/, lang);
      assert.doesNotMatch(s.summary.en, /given centrally at BusinessAsema/);
    });
  });

  describe("7: job alternation leave", () => {
    it("says in all twelve languages that no new leave could start from 1.8.2024", () => {
      const s = service("job-alternation-leave");
      for (const lang of LANGS) {
        assert.match(inLang(s.summary, lang)!, AUG_2024, `summary ${lang}`);
        assert.match(note(s.changedSincePlan!, lang), AUG_2024, `note ${lang}`);
        assert.doesNotMatch(inLang(s.summary, lang)!, /2025/, `summary ${lang} still dates it to 2025`);
      }
    });
    it("a person asking whether they can still take the leave hears the date", () => {
      const r = guide.ask({ text: "Voinko vielä jäädä vuorotteluvapaalle ensi vuonna?" });
      assert.equal(r.service?.id, "job-alternation-leave");
      assert.match(r.answer, AUG_2024);
    });
    it("the README's Truth section gives the same date", () => {
      const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
      const from = readme.indexOf("## Truth");
      const truth = readme.slice(from, readme.indexOf("\n## ", from + 1));
      assert.match(truth, /1\.8\.2024/);
      assert.doesNotMatch(truth, /alternation leave abolished 2025/);
    });
  });

  describe("8: unemployment-security advice line", () => {
    it("gives the sourced number with its caution and names no successor it has no source for, in every language", () => {
      for (const lang of LANGS) {
        const r = guide.explain("unemployment-security-advice", { lang, municipality: "oulu" });
        assert.equal(r.channel?.id, "unemployment-security-advice", lang);
        assert.match(r.answer, /0295 020 701/, lang);
        assert.match(r.answer, /2026/, lang);
        assert.doesNotMatch(r.answer, /elinvoimakeskus/i, lang);
      }
    });
    it("asked for the phone number in Finnish, points to the line", () => {
      const r = guide.ask({ text: "mikä on työttömyysturvaneuvonnan puhelinnumero?" });
      assert.equal(r.channel?.id, "unemployment-security-advice");
      assert.match(r.answer, /Uudenmaan ELY-keskus/);
    });
  });

  describe("9: exporting unemployment benefit", () => {
    it("the coach refers, Kela or the unemployment fund decides, not the lead municipality", () => {
      const s = service("benefit-export-eu");
      assert.ok(!s.decides.includes("lead-municipality"));
      assert.deepEqual([...s.decides].sort(), ["kela", "unemployment-fund"]);
      assert.deepEqual(s.refers, ["own-coach"]);
      for (const lang of LANGS) assert.match(inLang(s.summary, lang)!, /Kela|FPA/, lang);
    });
    it("asked in words, routes to the centralised service and says who decides", () => {
      const r = guide.ask({ text: "Voinko viedä työttömyysetuuden mukanani Espanjaan, kun haen sieltä töitä? Asun Tyrnävällä" });
      assert.equal(r.service?.id, "benefit-export-eu");
      assert.equal(r.channel?.kind, "businessasema");
      assert.ok(r.citations.includes("2.2.2"));
      assert.match(r.answer, /Kela tai työttömyyskassasi/);
    });
  });

  describe("10: entrepreneur training is labour market training", () => {
    it("students are selected centrally, as for all labour market training (2.2.3 c)", () => {
      const a = service("entrepreneur-training");
      const b = service("labour-market-training");
      assert.deepEqual(a.decides, b.decides);
      assert.ok(a.decides.includes("lead-municipality") && !a.decides.includes("own-coach"));
      assert.ok(a.sections.includes("2.2.3"));
      assert.match(inLang(a.summary, "en")!, /selected centrally/);
    });
  });

  describe("11: the Migri pop-up is Migri's, not International House's hours", () => {
    it("International House lists no hours of its own; the pop-up time sits with Migri", () => {
      assert.deepEqual(guide.kb.channels.get("international-house-oulu")!.hours, []);
      for (const c of guide.kb.channels.values()) {
        for (const h of c.hours) if (/Migri/.test(h.text.en)) assert.equal(c.id, "migri");
      }
    });
    it("asking for International House shows no Migri time as its hours; asking about a permit shows Migri's pop-up", () => {
      const ih = guide.ask({ text: "When is International House Oulu open? I moved to Oulu and need information", role: "immigrant", municipality: "oulu" });
      assert.equal(ih.channel?.kind, "international-house");
      assert.doesNotMatch(ih.answer, /12\.00–15\.00/);
      const permit = guide.explain("residence-permit", { lang: "en", municipality: "oulu" });
      assert.match(permit.answer, /Migri's pop-up at International House Oulu .*12\.00–15\.00/);
    });
  });

  describe("12: the TE offices closing on 1.1.2025 is the plan's premise, not a change", () => {
    it("no change-since-the-plan note is about the TE offices", () => {
      for (const s of guide.kb.services.values()) {
        if (s.changedSincePlan) assert.doesNotMatch(note(s.changedSincePlan, "en"), /TE office/, s.id);
      }
    });
    it("registering as a job seeker shows it as background", () => {
      const r = guide.explain("register-as-jobseeker", { lang: "en", municipality: "ii" });
      assert.match(r.answer, /Background: .*1\.1\.2025/);
      assert.doesNotMatch(r.answer, /Changed since the plan/);
    });
  });

  describe("13: pointers the plan names", () => {
    const cases: Array<[string, string, string, string, string]> = [
      // question, service, channel kind, channel id (or ""), plan section
      ["Olen ollut pitkään työtön, pääsisinkö välityömarkkinoille jonkun yhdistyksen kautta? Asun Utajärvellä", "intermediate-labour-market", "municipality", "municipality-utajarvi", "3.2.1"],
      ["Is Työkanava still hiring people with partial work ability? I live in Ii", "intermediate-labour-market", "municipality", "municipality-ii", "3.2.1"],
      ["I am an international student at the university, how can I find a job here after graduation?", "international-students-to-work", "international-house", "international-house-oulu", "3.2.2"],
      ["Pääsiskö 19-vuotias nuorten työpajaan Muhoksella?", "youth-workshops", "municipality", "municipality-muhos", "5.2"],
      ["Tarvitseeko ravintolani anniskeluluvan ja mistä sen haen?", "business-permits", "state", "aluehallintovirasto", "5.3"],
      ["My employer does not pay me and took my passport, what can I do?", "labour-exploitation", "state", "aluehallintovirasto", "5.4"],
      ["We want to export our products and need a loan guarantee from Finnvera", "business-growth-international", "state", "business-finland", "5.3"],
      ["Hur får vårt företag hjälp att växa utomlands?", "business-growth-international", "state", "business-finland", "5.3"],
    ];
    for (const [text, id, kind, channel, section] of cases) {
      it(`"${text}" → ${id}, ${kind}, ${section}`, () => {
        const r = guide.ask({ text });
        assert.equal(r.service?.id, id);
        assert.equal(r.channel?.kind, kind);
        assert.equal(r.channel?.id, channel);
        assert.ok(r.citations.includes(section));
      });
    }
    it("each new pointer has its texts in all twelve languages and keywords in every language", () => {
      for (const id of new Set(cases.map((c) => c[1]))) {
        const s = service(id);
        for (const lang of LANGS) {
          for (const field of ["title", "summary", "todo"] as const) assert.ok(inLang(s[field], lang), `${id} ${field} ${lang}`);
          assert.ok((s.keywords[lang] ?? []).length > 0, `${id} keywords ${lang}`);
        }
      }
    });
    it("their channels give a website front page only, and say what changed since the plan", () => {
      for (const id of ["aluehallintovirasto", "business-finland", "finnvera", "team-finland"]) {
        const c = guide.kb.channels.get(id)!;
        assert.equal(c.kind, "state");
        for (const x of c.contacts) {
          assert.equal(x.type, "WebPage", id);
          if (x.type === "WebPage") assert.equal(new URL(x.url).pathname, "/", `${id}: ${x.url}`);
        }
      }
      assert.match(guide.explain("labour-exploitation", { lang: "en" }).answer, /closed at the end of 2025/);
      assert.match(guide.explain("intermediate-labour-market", { lang: "fi", municipality: "ii" }).answer, /purkaa yhtiön/);
    });
    it("LIITE 1's fourth column, the lead municipality's support services, is transcribed", () => {
      const support = readLiite1().support;
      assert.equal(support[0], "Tiedolla johtaminen, raportointi");
      const heading = support[1] as Record<string, string[]>;
      assert.deepEqual(heading["Suunnittelu, valmistelu, johtaminen, koordinointi"], [
        "työllisyyspalveluiden päällikkö", "keskitettävien palveluiden esihenkilötyö", "koordinaattorit", "yhteyspäällikkö",
        "työkykykoordinaattorit", "henkilöstön osaamisen kehittäminen", "viestintä",
      ]);
    });
  });

  describe("14: appendices in the reader's language", () => {
    it("no answer shows LIITE 1 or LIITE 2; English says Appendix", () => {
      for (const lang of LANGS) {
        const r = guide.explain("pay-subsidy", { lang });
        assert.doesNotMatch(r.answer, /LIITE/, lang);
        assert.deepEqual(r.citations.filter((c) => c.startsWith("LIITE")), ["LIITE 1", "LIITE 2"], "citations keep the plan's own ids");
      }
      assert.match(guide.explain("pay-subsidy", { lang: "en" }).answer, /Appendix 1, Appendix 2/);
      assert.match(guide.explain("pay-subsidy", { lang: "fi" }).answer, /liite 1, liite 2/);
    });
    it("the advisors' catalogue keeps the Finnish section ids", () => {
      const e = listServices(guide, { lang: "en" }).find((x) => x.id === "pay-subsidy")!;
      assert.ok(e.sections.includes("LIITE 1"));
    });
  });
});
