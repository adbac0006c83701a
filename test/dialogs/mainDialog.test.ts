import assert from "node:assert/strict";
import type { Guide } from "../../knowledge/guide";
import { sharedGuide } from "../fixtures";
import { conversation } from "./conversation";

/** A conversation as a table: what the person says, and what must show in the bot's replies. */
type Table = Array<[string, RegExp[]]>;

async function play(guide: Guide, table: Table): Promise<void> {
  const c = conversation(guide);
  for (const [says, expects] of table) {
    const replies = (await c.say(says)).join("\n---\n");
    for (const e of expects) assert.match(replies, e, `after "${says}" the bot said:\n${replies}`);
  }
}

describe("conversations with the main dialog", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });

  describe("in Finnish", () => {
    it("answers free text with the service, the channel and the plan's section", () => play(guide, [
      ["mistä haen palkkatukea", [/Palkkatuki/, /BusinessAsema/, /2\.6\.3/, /\[Kyllä\]/]],
    ]));
    it("asks the municipality for a local service, then answers with it", () => play(guide, [
      ["haluan työkokeiluun", [/Missä kunnassa asut\?/, /\[Kempele\]/]],
      ["Kempele", [/Työkokeilu/, /Kempeleen kunnan työllisyyspalvelut/, /2\.2\.1/]],
      ["entä työllistymissuunnitelma", [/Työllistymissuunnitelma/, /Kempeleen kunnan/]],
    ]));
    it("takes the municipality from the question and never asks it again", () => play(guide, [
      ["asun Limingassa ja tarvitsen työllistymissuunnitelman", [/Limingan kunnan työllisyyspalvelut/]],
      ["entä työkokeilu", [/Työkokeilu/, /Limingan kunnan/]],
    ]));
    it("walks the guided path: who, where, what", () => play(guide, [
      ["näytä vaihtoehdot", [/Kuka olet\?/, /\[Työnantaja\]/]],
      ["Työnantaja", [/Missä kunnassa yrityksesi toimii\?/]],
      ["Tyrnävä", [/Mitä tarvitset\?/, /\[Palkkatuki\]/]],
      ["Palkkatuki", [/Palkkatuki/, /BusinessAsema/]],
    ]));
    it("gives help in the middle of a question, then asks again", () => play(guide, [
      ["työkokeilu", [/Missä kunnassa asut\?/]],
      ["apua", [/Kirjoita kysymyksesi omin sanoin/, /Missä kunnassa asut\?/]],
      ["Iissä", [/Iin kunnan työllisyyspalvelut/]],
    ]));
    it("starts over, forgetting the municipality", () => play(guide, [
      ["asun Vaalassa, työkokeilu", [/Vaalan kunnan/]],
      ["alusta", [/Aloitetaan alusta/]],
      ["työkokeilu", [/Missä kunnassa asut\?/]],
    ]));
    it("tells honestly how to reach a person", () => play(guide, [
      ["puhu ihmiselle", [/En voi siirtää/, /BusinessOulu/]],
    ]));
    it("switches language on request and keeps it", () => play(guide, [
      ["vaihda kieli", [/Valitse kieli/, /\[English\]/, /\[Svenska\]/]],
      ["in English please", [/let's speak English/, /reitti\.language/]],
      ["palkkatuki", [/Pay subsidy/, /palkkatuki/i]],
    ]));
    it("offers suggestions when unsure", () => play(guide, [
      ["kurssi", [/Tarkoititko jotakin näistä\?/, /\[\p{L}[^\]]*koulutus\]/u]],
    ]));
    it("says honestly when a question is not about employment services", () => play(guide, [
      ["paljonko saunasta maksetaan veroa", [/Autan vain Oulun seudun työllisyyspalveluissa/]],
    ]));
  });

  describe("in Swedish", () => {
    it("answers, asks the municipality, remembers it", () => play(guide, [
      ["var söker jag lönesubvention", [/Lönesubvention/, /BusinessAsema/]],
      ["jag vill göra arbetsprövning", [/I vilken kommun bor du\?/]],
      ["Limingo", [/Limingo kommuns sysselsättningstjänster/]],
    ]));
    it("helps, and starts over", () => play(guide, [
      ["hjälp", [/Skriv din fråga med egna ord/]],
      ["börja om", [/Vi börjar om/]],
    ]));
    it("walks the guided path", () => play(guide, [
      ["visa alternativ", [/Vem är du\?/]],
      ["Arbetssökande", [/I vilken kommun bor du\?/]],
      ["Muhos", [/Vad behöver du\?/]],
    ]));
    it("says when a question is out of scope", () => play(guide, [
      ["recept på laxsoppa med dill", [/Jag kan bara hjälpa till med sysselsättningstjänsterna/]],
    ]));
  });

  describe("in English", () => {
    it("answers, and routes people living elsewhere to their own area", () => play(guide, [
      ["I live in Tampere, who makes my employment plan?", [/Employment plan/, /outside the Oulu region employment area/]],
    ]));
    it("sends maritime job placement to the Turku area", () => play(guide, [
      ["I want to work on a ship, maritime job placement", [/Turku/]],
    ]));
    it("talks to a person, help, start over", () => play(guide, [
      ["talk to a person", [/I cannot pass you to a person/]],
      ["help", [/Type your question in your own words/]],
      ["start over", [/Let's start again/]],
    ]));
    it("walks the guided path for an immigrant", () => play(guide, [
      ["show options", [/Who are you\?/]],
      ["Immigrant", [/Which municipality do you live in\?/]],
      ["Oulu", [/What do you need\?/]],
    ]));
    it("answers the weather honestly", () => play(guide, [
      ["what is the weather like tomorrow", [/I can only help with the employment services/]],
    ]));
  });

  it("sends plain text, not a card, on a channel that cannot show cards", async () => {
    const replies = await conversation(guide, "sms").sayRaw("mistä haen palkkatukea");
    const answer = replies.find((r) => r.type === "message" && /Palkkatuki/.test(r.text ?? ""));
    assert.ok(answer, "a text answer");
    assert.equal(answer.attachments, undefined);
    assert.match(answer.text ?? "", /BusinessAsema/);
  });

  it("counts 'was this helpful?' answers and stores no text", async () => {
    const c = conversation(guide);
    await c.say("palkkatuki");
    const thanks = await c.sayValue({ feedback: "yes" });
    assert.match(thanks.join("\n"), /Kiitos palautteesta/);
    assert.equal(c.feedback.yes, 1);
  });
});
