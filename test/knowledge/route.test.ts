import assert from "node:assert/strict";
import type { Guide } from "../../knowledge/guide";
import { serviceOf, sharedGuide } from "../fixtures";

describe("routing follows the plan", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });
  const service = (id: string) => serviceOf(guide, id);

  it("a local service goes to the person's own municipality", () => {
    const r = guide.routeFor(service("work-trial"), { municipality: "kempele", lang: "fi" });
    assert.equal(r.target.type === "channel" && r.target.channel.id, "municipality-kempele");
    assert.deepEqual(r.needs, []);
  });
  it("Oulu residents meet their local services at BusinessAsema", () => {
    const r = guide.routeFor(service("employment-plan"), { municipality: "oulu", lang: "fi" });
    assert.equal(r.target.type === "channel" && r.target.channel.kind, "municipality");
    assert.equal(r.reason, "oulu-at-businessasema");
    assert.match(guide.channelRef(r.target, "fi").name, /BusinessAsema/);
  });
  it("someone living outside the area is told so on the plan's section 1, the list of the eleven", () => {
    const r = guide.ask({ text: "Asun Kajaanissa ja etsin töitä, mistä saan apua?" });
    assert.equal(r.channel?.kind, "other-area");
    assert.ok(r.citations.includes("1"), r.citations.join());
  });
  it("a local service with no known municipality asks for it", () => {
    const r = guide.routeFor(service("work-trial"), { lang: "fi" });
    assert.deepEqual(r.needs, ["municipality"]);
    assert.equal(guide.channelRef(r.target, "fi").kind, "municipality");
  });
  it("a centralised service goes to BusinessAsema whatever the municipality", () => {
    for (const m of ["vaala", "oulu", "hailuoto"] as const) {
      const r = guide.routeFor(service("pay-subsidy"), { municipality: m, lang: "fi" });
      assert.equal(guide.channelRef(r.target, "fi").kind, "businessasema");
    }
  });
  it("maritime job placement goes to the Turku area", () => {
    const r = guide.routeFor(service("maritime-job-placement"), { municipality: "ii", lang: "fi" });
    assert.equal(guide.channelRef(r.target, "fi").kind, "other-area");
    assert.match(guide.channelRef(r.target, "fi").name, /Turu/);
  });
  it("Pohde's services go to the wellbeing services county", () => {
    for (const id of ["unemployed-health-check", "rehabilitative-work"]) {
      assert.equal(guide.channelRef(guide.routeFor(service(id), { municipality: "muhos", lang: "fi" }).target, "fi").kind, "welfare-region");
    }
  });
  it("what the state keeps stays with the state, even for people living elsewhere", () => {
    const r = guide.routeFor(service("residence-permit"), { lang: "en", outside: true });
    assert.equal(guide.channelRef(r.target, "en").kind, "state");
  });
  it("people living outside the eleven go to their own employment area", () => {
    const r = guide.routeFor(service("employment-plan"), { lang: "fi", outside: true });
    assert.equal(guide.channelRef(r.target, "fi").kind, "other-area");
    assert.deepEqual(r.needs, []);
  });
  it("foreign-language clients are also offered International House", () => {
    const r = guide.routeFor(service("employment-plan"), { municipality: "liminka", lang: "ar" });
    assert.ok(r.alternatives.some((a) => a.type === "channel" && a.channel.kind === "international-house"));
  });
});

describe("foreign-language clients", () => {
  it("are sent to International House for walk-in advice (plan 5.1), Finnish speakers to their municipality", async () => {
    const guide = await sharedGuide();
    const s = guide.kb.services.get("walk-in-advice")!;
    assert.equal(guide.channelRef(guide.routeFor(s, { lang: "ar", municipality: "oulu" }).target, "ar").kind, "international-house");
    assert.equal(guide.channelRef(guide.routeFor(s, { lang: "fi", municipality: "kempele" }).target, "fi").kind, "municipality");
  });
});
