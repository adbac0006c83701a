// Contacts from the Suomi.fi service catalogue (Palvelutietovaranto, PTV): its public REST
// API (v11) describes a service channel with names, phone numbers, addresses, service hours and
// web pages per language. This module checks such an export and turns it into our contacts,
// each with the PTV address of the channel as its source.
import { z } from "zod";
import { Contact, LANGS, type ChannelFile, type Lang, type Source } from "./schema";

/** Where the public API serves one channel; written as the source of every imported value. */
export const PTV_CHANNEL_URL = "https://api.palvelutietovaranto.suomi.fi/api/v11/ServiceChannel/";

const LangValue = z.object({ language: z.string().min(2), value: z.string() });
const Weekday = z.enum(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
const Time = z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, "a time such as 08:00:00");

const PtvPhone = z.object({
  number: z.string().min(1),
  prefixNumber: z.string().nullish(),
  isFinnishServiceNumber: z.boolean().nullish(),
  serviceChargeType: z.enum(["Chargeable", "FreeOfCharge", "Other"]),
  chargeDescription: z.string().nullish(),
  additionalInformation: z.string().nullish(),
  language: z.string().min(2),
  type: z.enum(["Phone", "Fax", "Sms"]).nullish(),
});

const PtvAddress = z.object({
  type: z.string(),
  subType: z.string().nullish(),
  streetAddress: z.object({
    street: z.array(LangValue).min(1),
    streetNumber: z.string().nullish(),
    postalCode: z.string().nullish(),
    postOffice: z.array(LangValue).nullish(),
  }).nullish(),
});

const PtvServiceHour = z.object({
  serviceHourType: z.enum(["DaysOfTheWeek", "Exceptional", "OverMidnight", "Standard", "Special"]),
  validFrom: z.string().nullish(),
  validTo: z.string().nullish(),
  isClosed: z.boolean().nullish(),
  additionalInformation: z.array(LangValue).nullish(),
  openingHour: z.array(z.object({ dayFrom: Weekday, dayTo: Weekday.nullish(), from: Time, to: Time })).default([]),
});

const PtvWebPage = z.object({ url: z.url(), value: z.string().nullish(), language: z.string().min(2) });

/** The fields of a PTV v11 service channel that Reitti uses; other fields are allowed and ignored. */
export const PtvServiceChannel = z.object({
  id: z.uuid(),
  serviceChannelType: z.enum(["ServiceLocation", "Phone", "EChannel", "WebPage", "PrintableForm"]),
  serviceChannelNames: z.array(LangValue.extend({ type: z.string().nullish() })).min(1),
  phoneNumbers: z.array(PtvPhone).default([]),
  addresses: z.array(PtvAddress).default([]),
  serviceHours: z.array(PtvServiceHour).default([]),
  webPages: z.array(PtvWebPage).default([]),
  modified: z.string().nullish(),
});
export type PtvServiceChannel = z.infer<typeof PtvServiceChannel>;

export type Hours = ChannelFile["hours"][number];

export interface Imported {
  ptvId: string;
  contacts: Contact[];
  hours: Hours[];
}

const CHARGE = { FreeOfCharge: "free", Chargeable: "chargeable", Other: "other" } as const;

function phoneNumber(p: z.infer<typeof PtvPhone>): string {
  const digits = p.number.replace(/[^0-9 ]/g, "").replace(/\s+/g, " ").trim();
  if (p.isFinnishServiceNumber || !p.prefixNumber) return digits;
  const prefix = p.prefixNumber.replace(/[^+0-9]/g, "");
  return `${prefix} ${digits.replace(/^0/, "")}`;
}

const pick = (values: Array<z.infer<typeof LangValue>> | null | undefined, lang = "fi") =>
  values?.find((v) => v.language === lang)?.value ?? values?.[0]?.value;

/** Weekday names as each language writes them (Intl), and times as each writes them. */
function dayName(day: z.infer<typeof Weekday>, lang: Lang): string {
  const monday = Date.UTC(2024, 0, 1); // a Monday
  const offset = Weekday.options.indexOf(day);
  return new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" }).format(new Date(monday + offset * 86_400_000));
}
const DOT_TIMES: readonly Lang[] = ["fi", "sv", "et"];
function time(t: string, lang: Lang): string {
  const [h, m] = t.split(":");
  return DOT_TIMES.includes(lang) ? `${Number(h)}.${m}` : `${h}:${m}`;
}

function hoursText(h: z.infer<typeof PtvServiceHour>, lang: Lang): string {
  const spans = h.openingHour.map((o) => {
    const days = o.dayTo && o.dayTo !== o.dayFrom ? `${dayName(o.dayFrom, lang)}–${dayName(o.dayTo, lang)}` : dayName(o.dayFrom, lang);
    return `${days} ${time(o.from, lang)}–${time(o.to, lang)}`;
  });
  const info = h.additionalInformation?.find((i) => i.language === lang)?.value;
  return spans.join(", ") + (info ? ` (${info})` : "");
}

/**
 * Our contacts and hours from one PTV channel. Values are deduplicated across languages; only
 * visiting addresses are kept; only regular opening hours (exceptions are dated and short-lived).
 */
export function fromPtv(c: PtvServiceChannel, importedOn: string): Imported {
  const date = c.modified?.slice(0, 10) || importedOn;
  const source: Source = { url: PTV_CHANNEL_URL + c.id, date, note: `Suomi.fi PTV, imported ${importedOn}` };
  const contacts: Contact[] = [];
  const seen = new Set<string>();
  const add = (key: string, contact: Contact) => {
    if (seen.has(key)) return;
    seen.add(key);
    contacts.push(Contact.parse(contact));
  };
  for (const p of c.phoneNumbers.filter((p) => (p.type ?? "Phone") === "Phone")) {
    const number = phoneNumber(p);
    add(`phone:${number}`, { type: "Phone", number, charge: CHARGE[p.serviceChargeType], source });
  }
  for (const a of c.addresses.filter((a) => a.type === "Location" && a.streetAddress)) {
    const s = a.streetAddress!;
    const street = [pick(s.street), s.streetNumber].filter(Boolean).join(" ");
    const town = [s.postalCode, pick(s.postOffice)].filter(Boolean).join(" ");
    const address = [street, town].filter(Boolean).join(", ");
    add(`address:${address}`, { type: "ServiceLocation", address, source });
  }
  for (const w of c.webPages) {
    const type = c.serviceChannelType === "EChannel" ? "EChannel" : "WebPage";
    add(`${type}:${w.url}`, { type, url: w.url, source });
  }
  const hours: Hours[] = c.serviceHours
    .filter((h) => ["DaysOfTheWeek", "Standard"].includes(h.serviceHourType) && !h.isClosed && h.openingHour.length > 0)
    .map((h) => ({ text: Object.fromEntries(LANGS.map((l) => [l, hoursText(h, l)])) as Hours["text"], source }));
  return { ptvId: c.id, contacts, hours };
}

/**
 * The channel with the imported contacts in place: a contact type the export has replaces ours
 * of that type; types it lacks keep what we had (a front page, a sourced value from elsewhere).
 */
export function mergeContacts(channel: ChannelFile, imported: Imported): ChannelFile {
  const importedTypes = new Set(imported.contacts.map((c) => c.type));
  return {
    ...channel,
    ptvId: imported.ptvId,
    contacts: [...channel.contacts.filter((c) => !importedTypes.has(c.type)), ...imported.contacts],
    hours: imported.hours.length > 0 ? imported.hours : channel.hours,
  };
}

/** Reads an export, naming the field of the first problems (per item when it is a list). */
export function parsePtvExport(raw: unknown): { ok: true; channels: PtvServiceChannel[] } | { ok: false; problems: string[] } {
  const list = Array.isArray(raw) ? raw
    : raw && typeof raw === "object" && "itemList" in raw && Array.isArray(raw.itemList) ? raw.itemList
    : [raw];
  const prefix = Array.isArray(raw) ? "" : raw && typeof raw === "object" && "itemList" in raw ? "itemList." : "";
  const problems: string[] = [];
  const channels: PtvServiceChannel[] = [];
  if (list.length === 0) problems.push(`field "${prefix || "(file)"}": no service channel in the file`);
  list.forEach((item: unknown, i: number) => {
    const r = PtvServiceChannel.safeParse(item);
    if (r.success) channels.push(r.data);
    else for (const issue of r.error.issues.slice(0, 5)) {
      const at = [...(list.length > 1 || prefix ? [i] : []), ...issue.path].join(".");
      problems.push(`field "${prefix}${at || "(item)"}": ${issue.message}`);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, channels };
}
