import assert from "node:assert/strict";
import { CommandRecognizer } from "../../knowledge/commands";
import type { Guide } from "../../knowledge/guide";
import type { AskResponse } from "../../knowledge/schema";
import { dialogParts } from "../../bot/dialogParts";
import type { Answerer, Asker, Recogniser, Understanding } from "../../dialogs/deps";
import { sharedGuide } from "../fixtures";
import { conversation } from "./conversation";

/** A reply as the stub answerer would give it: a local service that needs the municipality until it is known. */
function stubResponse(who: Partial<Asker>): AskResponse {
  const known = who.municipality !== undefined;
  return {
    lang: who.lang ?? "fi", outOfScope: false,
    service: { id: "stub-service", title: "Stub service", delivery: ["local"], sections: ["2.2.1"] },
    channel: known ? { kind: "municipality", id: `municipality-${who.municipality}`, name: `stub channel in ${who.municipality}` } : { kind: "municipality", id: "own-municipality", name: "stub own municipality" },
    alternatives: [], answer: known ? `stub answer for ${who.municipality}` : "stub answer, municipality unknown",
    confidence: 1, citations: ["2.2.1"], needs: known ? [] : ["municipality"], suggestions: [], details: null,
  };
}

describe("the dialogs' seams: a stubbed answerer and recogniser", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });

  it("asks the municipality when the answerer says it needs one, then asks again with it, reading the question once", async () => {
    const real = dialogParts(guide, new CommandRecognizer(guide.i18n));
    const read: string[] = [];
    const recogniser: Recogniser = { understand: (text) => { read.push(text); return real.recogniser.understand(text); } };
    const asked: Array<{ understood: Understanding; who: Partial<Asker> }> = [];
    const answerer: Answerer = { ...real.answerer, ask: (understood, who) => { asked.push({ understood, who }); return stubResponse(who); } };
    const c = conversation(guide, "sms", { recogniser, answerer });

    const first = (await c.say("kerro jotain paikallisesta palvelusta")).join("\n");
    assert.match(first, /Missä kunnassa asut\?/);
    assert.doesNotMatch(first, /stub answer/);
    const second = (await c.say("Kempele")).join("\n");
    assert.match(second, /stub answer for kempele/);

    assert.equal(asked.length, 2);
    assert.equal(asked[1].who.municipality, "kempele");
    // The answer after the question reuses the first turn's understanding instead of reading the text again.
    assert.equal(asked[1].understood.text, "kerro jotain paikallisesta palvelusta");
    assert.deepEqual(read.filter((t) => t === "kerro jotain paikallisesta palvelusta"), ["kerro jotain paikallisesta palvelusta"], "the question was read once");
    assert.deepEqual(read.filter((t) => t === "Kempele"), ["Kempele"], "the municipality's turn was read once, by every dialog together");
  });

  it("answers a service button by the id it carries, whatever text comes with it", async () => {
    const c = conversation(guide);
    const replies = (await c.sayValue({ service: "pay-subsidy" })).join("\n");
    assert.match(replies, /Palkkatuki/);
    assert.match(replies, /BusinessAsema/);
  });

  it("offers guided needs as buttons whose value is the service id, with the translated name shown", async () => {
    const c = conversation(guide);
    await c.say("show options");
    await c.say("Employer");
    const replies = await c.sayRaw("Tyrnävä");
    const actions = replies.flatMap((r) => r.suggestedActions?.actions ?? []);
    const pay = actions.find((a) => (a.value as { service?: string } | undefined)?.service === "pay-subsidy");
    assert.ok(pay, `a pay subsidy button: ${JSON.stringify(actions)}`);
    assert.equal(pay.title, "Pay subsidy");
    const answer = (await c.sayValue({ service: "pay-subsidy" })).join("\n");
    assert.match(answer, /Pay subsidy/);
    assert.match(answer, /Was this helpful\?/);
  });

  it("an unknown service id is no crash: the conversation goes on", async () => {
    const c = conversation(guide);
    const replies = await c.sayValue({ service: "no-such-service" });
    assert.ok(Array.isArray(replies));
    assert.match((await c.say("mistä haen palkkatukea")).join("\n"), /Palkkatuki/);
  });
});
