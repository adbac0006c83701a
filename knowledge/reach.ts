import { contactsOf } from "./answer";
import type { Channel, Knowledge } from "./load";
import { channelName } from "./localize";
import type { Contacts, Lang, MunicipalityId } from "./schema";

/** The channels behind "talk to a person"; ids from knowledge/content/channels. */
const AREA_PHONE = "businessoulu-phone";
const OULU_LOCAL = "businessasema";
const OUTSIDE = "other-employment-area";
const INTERNATIONAL = "international-house-oulu";
/** Languages whose speakers also get International House Oulu (plan 5.1: foreign-language walk-in). */
const OWN_LANGUAGE_SERVICE: readonly Lang[] = ["fi", "sv"];

/** One place to reach a person: its name and its sourced contact facts. */
export interface Reachable {
  name: string;
  contacts: Contacts;
}

export interface People {
  /** Whether the person's own place is known (else the caller asks where they live). */
  ownKnown: boolean;
  places: Reachable[];
}

function ownChannel(kb: Knowledge, where: { municipality?: MunicipalityId; outside?: boolean }): Channel | undefined {
  if (where.outside) return kb.channels.get(OUTSIDE);
  if (!where.municipality) return undefined;
  if (where.municipality === "oulu") return kb.channels.get(OULU_LOCAL);
  return kb.municipalityChannels.get(where.municipality);
}

/**
 * "Talk to a person": the person's own municipality's employment services (BusinessAsema for Oulu
 * residents), then the area's phone service, and International House for other languages.
 */
export function peopleToTalkTo(kb: Knowledge, where: { municipality?: MunicipalityId; outside?: boolean }, lang: Lang): People {
  const own = ownChannel(kb, where);
  const shown = [own, kb.channels.get(AREA_PHONE)];
  if (!OWN_LANGUAGE_SERVICE.includes(lang)) shown.push(kb.channels.get(INTERNATIONAL));
  const places = shown
    .filter((c, i, all): c is Channel => c !== undefined && all.indexOf(c) === i)
    .map((c) => ({ name: channelName(c, lang), contacts: contactsOf(kb, c, lang) }));
  return { ownKnown: own !== undefined, places };
}
