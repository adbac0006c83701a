import { ActionTypes, MessageFactory, type Activity } from "botbuilder";
import { MUNICIPALITY_NAMES } from "../knowledge/places";
import type { Reachable } from "../knowledge/reach";
import { MUNICIPALITIES, type Lang } from "../knowledge/schema";
import { isolateLatin } from "./bidi";
import { sayFor, type DialogDeps, type Profile, type Say } from "./deps";

/** The value a municipality button posts back: { person: "kempele" } or { person: "outside" }. */
export interface PersonValue {
  person: string;
}

/** One channel as a short block: its name, then phone, address and hours, each sourced or "not known". */
function block(place: Reachable, t: Say): string {
  const f = place.contacts;
  const unknown = t("bot:notKnown");
  const lines = [
    `- ${t("bot:card.phone")}: ${f.phones.length ? f.phones.join(", ") : unknown}`,
    `- ${t("bot:card.address")}: ${f.addresses.length ? f.addresses.join("; ") : unknown}`,
    `- ${t("bot:card.hours")}: ${f.hours.length ? f.hours.join(" ") : unknown}`,
  ];
  if (f.web) lines.push(`- ${t("bot:card.web")}: ${f.web}`);
  const parts = [`**${place.name}**`, lines.join("\n")];
  if (f.caution) parts.push(f.caution);
  return parts.join("\n\n");
}

/**
 * "Talk to a person": the person's own municipality's employment services (BusinessAsema for Oulu
 * residents) with every sourced contact fact and plainly what is not known, then the area's phone
 * service; with no municipality known, a question with one button per municipality.
 */
export function personReply(deps: Pick<DialogDeps, "answerer" | "strings">, lang: Lang, profile: Profile): Partial<Activity> {
  const t = sayFor(deps.strings, profile);
  const people = deps.answerer.people({ municipality: profile.municipality, outside: profile.outside }, lang);
  const blocks = people.places.map((p) => block(p, t));
  const parts = [t("bot:person.intro"), ...blocks];
  let msg: Partial<Activity>;
  if (people.ownKnown) {
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
