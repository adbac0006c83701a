import { ActionTypes, MessageFactory, type Activity } from "botbuilder";
import type { Guide } from "../knowledge/guide";
import type { Channel } from "../knowledge/load";
import { channelName, contactFacts } from "../knowledge/localize";
import { MUNICIPALITY_NAMES } from "../knowledge/places";
import { MUNICIPALITIES, type Lang } from "../knowledge/schema";
import { isolateLatin } from "./bidi";
import { sayFor, type Profile, type Say } from "./deps";

/** The channels behind "talk to a person"; ids from knowledge/content/channels. */
const AREA_PHONE = "businessoulu-phone";
const OULU_LOCAL = "businessasema";
const OUTSIDE = "other-employment-area";
const INTERNATIONAL = "international-house-oulu";
/** Languages whose speakers also get International House Oulu (plan 5.1: foreign-language walk-in). */
const OWN_LANGUAGE_SERVICE: readonly Lang[] = ["fi", "sv"];

/** The value a municipality button posts back: { person: "kempele" } or { person: "outside" }. */
export interface PersonValue {
  person: string;
}

function ownChannel(guide: Guide, profile: Profile): Channel | undefined {
  if (profile.outside) return guide.kb.channels.get(OUTSIDE);
  if (!profile.municipality) return undefined;
  if (profile.municipality === "oulu") return guide.kb.channels.get(OULU_LOCAL);
  return [...guide.kb.channels.values()].find((c) => c.kind === "municipality" && c.municipality === profile.municipality);
}

/** One channel as a short block: its name, then phone, address and hours, each sourced or "not known". */
function block(c: Channel, lang: Lang, t: Say): string {
  const f = contactFacts(c, lang);
  const unknown = t("bot:notKnown");
  const lines = [
    `- ${t("bot:card.phone")}: ${f.phones.length ? f.phones.join(", ") : unknown}`,
    `- ${t("bot:card.address")}: ${f.addresses.length ? f.addresses.join("; ") : unknown}`,
    `- ${t("bot:card.hours")}: ${f.hours.length ? f.hours.join(" ") : unknown}`,
  ];
  if (f.web) lines.push(`- ${t("bot:card.web")}: ${f.web}`);
  const parts = [`**${channelName(c, lang)}**`, lines.join("\n")];
  if (f.caution) parts.push(f.caution);
  return parts.join("\n\n");
}

/**
 * "Talk to a person": the person's own municipality's employment services (BusinessAsema for Oulu
 * residents) with every sourced contact fact and plainly what is not known, then the area's phone
 * service; with no municipality known, a question with one button per municipality.
 */
export function personReply(guide: Guide, lang: Lang, profile: Profile): Partial<Activity> {
  const t = sayFor(guide, profile);
  const own = ownChannel(guide, profile);
  const shown = [own, guide.kb.channels.get(AREA_PHONE)];
  if (!OWN_LANGUAGE_SERVICE.includes(lang)) shown.push(guide.kb.channels.get(INTERNATIONAL));
  const blocks = shown.filter((c, i, all): c is Channel => c !== undefined && all.indexOf(c) === i).map((c) => block(c, lang, t));
  const parts = [t("bot:person.intro"), ...blocks];
  let msg: Partial<Activity>;
  if (own) {
    msg = MessageFactory.suggestedActions([{ type: ActionTypes.ImBack, title: t("bot:guidedStart"), value: t("bot:guidedStart") }]);
  } else {
    parts.push(t("bot:person.askMunicipality"));
    msg = MessageFactory.suggestedActions([
      ...MUNICIPALITIES.map((m) => ({ type: ActionTypes.PostBack, title: MUNICIPALITY_NAMES[m], value: { person: m } })),
      { type: ActionTypes.PostBack, title: t("bot:otherMunicipality"), value: { person: "outside" } },
    ]);
  }
  msg.text = isolateLatin(parts.join("\n\n"), lang);
  msg.locale = lang;
  return msg;
}
