import assert from "node:assert/strict";
import type { Guide } from "../../knowledge/guide";
import { sharedGuide } from "../fixtures";
import { conversation, type Conversation } from "./conversation";

/**
 * No dead ends: what the person says (or taps), what must show, what must not, and what the last
 * reply must offer as buttons (Web Chat shows only the last reply's buttons).
 */
interface Step {
  says?: string;
  taps?: unknown;
  shows: RegExp[];
  never?: RegExp[];
  lastOffers?: RegExp[];
}

async function play(guide: Guide, steps: Step[], c: Conversation = conversation(guide)): Promise<void> {
  for (const step of steps) {
    const replies = step.taps !== undefined ? await c.sayValue(step.taps) : await c.say(step.says ?? "");
    const all = replies.join("\n---\n");
    const what = step.says ?? JSON.stringify(step.taps);
    for (const e of step.shows) assert.match(all, e, `after ${what} the bot said:\n${all}`);
    for (const e of step.never ?? []) assert.doesNotMatch(all, e, `after ${what} the bot said:\n${all}`);
    const last = replies.filter((r) => !r.startsWith("<event")).at(-1) ?? "";
    for (const e of step.lastOffers ?? []) assert.match(last, e, `after ${what} the last reply was:\n${last}`);
  }
}

describe("no dead ends in the conversation", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });

  it("keeps the feedback buttons after a guided answer, with no greeting after it", () => play(guide, [
    { says: "näytä vaihtoehdot", shows: [/Kuka olet\?/] },
    { says: "Työnantaja", shows: [/Missä kunnassa yrityksesi toimii\?/] },
    { says: "Tyrnävä", shows: [/Mitä tarvitset\?/, /\[Palkkatuki\]/] },
    { says: "Palkkatuki", shows: [/Palkkatuki/, /Oliko tästä apua\?/], never: [/Hei! Olen Reitti/, /Mitä tarvitset/], lastOffers: [/\[Kyllä\]/, /\[Ei\]/] },
  ]));

  it("offers next steps after 'not helpful': ask another way, related services, a person", () => play(guide, [
    { says: "asun Limingassa ja haen palkkatukea", shows: [/Palkkatuki/], lastOffers: [/\[Ei\]/] },
    { taps: { feedback: "no" }, shows: [/Harmi, ettei tästä ollut apua/], never: [/Kiitos palautteesta/], lastOffers: [/\[Kysyn toisin\]/, /\[Lähellä olevat palvelut\]/, /\[Puhu ihmiselle\]/] },
    { taps: { next: "related" }, shows: [/Nämä palvelut ovat lähellä edellistä:\n\n- /], never: [/\[Palkkatuki\]/], lastOffers: [/\[Näytä vaihtoehdot\]/] },
    { taps: { next: "rephrase" }, shows: [/Kirjoita kysymyksesi toisin sanoin/] },
    { taps: { next: "human" }, shows: [/Limingan kunnan työllisyyspalvelut/, /https:\/\/www\.liminka\.fi/] },
  ]));

  it("answers thanks with a fitting reply, not the greeting", () => play(guide, [
    { says: "mistä haen palkkatukea", shows: [/Palkkatuki/] },
    { says: "Kiitos!", shows: [/Ole hyvä!/], never: [/Hei! Olen Reitti/], lastOffers: [/\[Näytä vaihtoehdot\]/] },
    { says: "thanks", shows: [/Ole hyvä!/], never: [/reitti\.language/] },
  ]));

  it("names the person's own municipality's services and says what is not known", () => play(guide, [
    { says: "asun Kempeleessä ja tarvitsen työkokeilun", shows: [/Kempeleen kunnan/] },
    { says: "puhu ihmiselle", shows: [/En voi siirtää keskustelua ihmiselle/, /\*\*Kempeleen kunnan työllisyyspalvelut\*\*/, /Puhelin: ei tiedossa, tarkista verkkosivuilta/, /Ajat: ei tiedossa/, /https:\/\/www\.kempele\.fi/, /Työllisyysalueen puhelinpalvelu \(BusinessOulu\)/], lastOffers: [/\[Näytä vaihtoehdot\]/] },
  ]));

  it("sends Oulu residents to BusinessAsema with its sourced address", () => play(guide, [
    { says: "asun Oulussa, työkokeilu", shows: [/Työkokeilu/] },
    { says: "puhu ihmiselle", shows: [/\*\*BusinessAsema \(BusinessOulu\), Oulu\*\*/, /Osoite: Hallituskatu 36, Oulu/, /Osoitetieto on vuodelta 2022/] },
  ]));

  it("asks the municipality when it is not known, with a button for each, then names its services", () => play(guide, [
    { says: "puhu ihmiselle", shows: [/Missä kunnassa asut\? Kerron oman kuntasi/], lastOffers: [/\[Kempele\]/, /\[Vaala\]/, /\[Muu kunta\]/] },
    { taps: { person: "vaala" }, shows: [/Vaalan kunnan työllisyyspalvelut/, /http:\/\/www\.vaala\.fi|https?:\/\/(www\.)?vaala\.fi/] },
  ]));

  it("never tells to call a phone service without saying where its number is", () => play(guide, [
    { says: "mistä haen palkkatukea", shows: [/\*\*Puhelin:\*\* numeroa ei ole varmistettu, katso ajantasainen numero: https:\/\/businessasema\.com/] },
  ]));

  it("says why in words, with the plan's section titles beside the numbers", () => play(guide, [
    { says: "mistä haen palkkatukea", shows: [/\*\*Miksi:\*\* Suunnitelman mukaan/, /\*\*Suunnitelmassa:\*\* Järjestämissuunnitelma, luku 2\.\d[\d.]* “/] },
  ]));

  it("lists suggestions as a list, one per line, where text is all a channel shows", () => play(guide, [
    { says: "kurssi", shows: [/Tarkoititko jotakin näistä\?\n\n- \S.*\n- \S/], never: [/• /] },
  ], conversation(guide, "sms")));
});

describe("the conversation's language", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });

  it("keeps a Finnish conversation Finnish after one English 'help'", () => play(guide, [
    { says: "mistä haen palkkatukea", shows: [/Palkkatuki/] },
    { says: "help", shows: [/Kirjoita kysymyksesi omin sanoin/], never: [/reitti\.language/, /Type your question/] },
    { says: "työkokeilu", shows: [/Missä kunnassa asut\?/] },
    { says: "help", shows: [/Kirjoita kysymyksesi omin sanoin/, /Missä kunnassa asut\?/], never: [/Which municipality/] },
  ]));

  it("switches on a clear request and asks the waiting question again in the new language", () => play(guide, [
    { says: "työkokeilu", shows: [/Missä kunnassa asut\?/] },
    { says: "in English please", shows: [/let's speak English/, /Which municipality do you live in\?/], never: [/Missä kunnassa asut/] },
    { says: "Kempele", shows: [/Work trial/] },
  ]));

  it("keeps the greeting's Finnish after a first word every language writes, takes Swedish from a Swedish word", async () => {
    await play(guide, [
      { says: "EURES", shows: [/Oliko tästä apua\?|Tarkoititko jotakin näistä\?/], never: [/reitti\.language/] },
      { says: "ok", shows: [/./], never: [/reitti\.language/] },
    ]);
    await play(guide, [
      { says: "lönesubvention", shows: [/reitti\.language.*"sv"/, /Lönesubvention/] },
    ]);
  });

  it("switches on a clear sentence in another language", () => play(guide, [
    { says: "mistä haen palkkatukea", shows: [/Palkkatuki/] },
    { says: "where do I apply for pay subsidy", shows: [/Pay subsidy/, /reitti\.language/] },
  ]));

  it("keeps 'show options' after a language is picked from the greeting's buttons", () => play(guide, [
    { says: "English", shows: [/let's speak English/], lastOffers: [/\[Show options\]/] },
  ]));

  it("isolates Latin fragments in Arabic so they read left to right", async () => {
    const c = conversation(guide);
    await c.say("العربية");
    const replies = await c.sayRaw("كيف أحصل على دعم الأجور؟");
    const card = replies.find((r) => r.attachments?.length);
    const text = JSON.stringify(card?.attachments);
    assert.match(text, /\u2068BusinessAsema \(BusinessOulu\)\u2069/);
    assert.match(text, /\u2068https:\/\/businessasema\.com\u2069/);
    assert.doesNotMatch(text, /\u2068[^\u2069]*\u2068/, "isolates are not nested");
  });
});

describe("plain Finnish (selkosuomi)", () => {
  let guide: Guide;
  before(async () => {
    guide = await sharedGuide();
  });

  it("is a choice in the language menu and speaks plainly after it is chosen", () => play(guide, [
    { says: "vaihda kieli", shows: [/\[Suomi\]/, /\[Selkosuomi\]/] },
    { says: "Selkosuomi", shows: [/Hyvä\. Puhun nyt selkosuomea\./], lastOffers: [/\[Näytä vaihtoehdot\]/] },
    { says: "työkokeilu", shows: [/Missä kunnassa asut\?/] },
    { says: "Kempele", shows: [/Työkokeilu/, /Auttoiko tämä sinua\?/, /\*\*Mitä teet:\*\*/], never: [/Oliko tästä apua/, /Mitä teen:/] },
    { taps: { feedback: "no" }, shows: [/Harmi\. Mitä teemme nyt\?/], lastOffers: [/\[Muut palvelut\]/] },
    { says: "Suomi", shows: [/Selvä, puhutaan suomea\./] },
    { says: "apua", shows: [/Kirjoita kysymyksesi omin sanoin, esimerkiksi/] },
  ]));
});
