// The contract's enums and the content files' shapes. Each zod schema gives both the
// runtime check (at load, at every API edge) and the static type (z.infer).
import { z } from "zod";
import { TEXT_MAX_CHARS } from "./limits";

export const LANGS = ["fi", "sv", "en", "ru", "uk", "et", "ar", "fa", "so", "zh", "vi", "tr"] as const;
/** A bit per language, in LANGS order: a set of languages is one number, "one of these" one AND. */
export const langBit = (l: Lang): number => 1 << LANGS.indexOf(l);
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;
export const RTL_LANGS: readonly Lang[] = ["ar", "fa"];

export const MUNICIPALITIES = [
  "hailuoto", "ii", "kempele", "liminka", "lumijoki", "muhos",
  "oulu", "pudasjarvi", "tyrnava", "utajarvi", "vaala",
] as const;
export const MunicipalityId = z.enum(MUNICIPALITIES);
export type MunicipalityId = z.infer<typeof MunicipalityId>;

export const CHANNEL_KINDS = [
  "municipality", "businessasema", "international-house", "state", "welfare-region", "other-area",
] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const DELIVERIES = ["local", "centralized", "purchased", "state", "other-area", "partner"] as const;
export const Delivery = z.enum(DELIVERIES);
export type Delivery = z.infer<typeof Delivery>;

export const ROLES = ["jobseeker", "employer", "immigrant", "resident", "advisor"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const CLIENTS = ["jobseeker", "employer", "immigrant", "any"] as const;
export const Client = z.enum(CLIENTS);
export type Client = z.infer<typeof Client>;

/** Who does what in a service; names are translated once in locales/<lang>/actors.json. */
export const ACTORS = [
  "self", "own-coach", "municipality", "lead-municipality", "central-expert", "psychologist",
  "provider", "social-services", "welfare-region", "kela", "unemployment-fund", "state", "migri", "other-area",
  "international-house", "education-provider",
] as const;
export const Actor = z.enum(ACTORS);
export type Actor = z.infer<typeof Actor>;

/** LIITE 2: how the lead municipality's costs are shared. */
export const CostPrinciple = z.enum(["vos", "causation", "support-services"]);
export type CostPrinciple = z.infer<typeof CostPrinciple>;

/** A plan section number as the plan writes it: "2.2.1", "LIITE 1". */
export const SectionId = z.string().regex(/^(\d+(\.\d+)*|LIITE [12])$/, "a plan section such as 2.2.1 or LIITE 1");

/** Text in several languages. fi, sv and en are required; the other nine may follow. */
const text = z.string().trim().min(1);
export const Localized = z.object({
  fi: text, sv: text, en: text,
  ru: text.optional(), uk: text.optional(), et: text.optional(), ar: text.optional(), fa: text.optional(),
  so: text.optional(), zh: text.optional(), vi: text.optional(), tr: text.optional(),
}).strict();
export type Localized = z.infer<typeof Localized>;

/** Words people use for a service, per language; any language may be missing. */
export const Keywords = z.partialRecord(Lang, z.array(text).min(1));
export type Keywords = z.infer<typeof Keywords>;

export const ServiceFile = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens"),
  /** LIITE 1's own name(s) for the service, when LIITE 1 lists it. */
  liite1: z.array(text).default([]),
  client: Client,
  delivery: z.array(Delivery).min(1),
  /** Where to send the person now; `municipality` means their own municipality. */
  route: ChannelKind,
  /** A specific channel id when the route is not the generic one of its kind. */
  channel: z.string().optional(),
  /** Where foreign-language clients go instead (plan 5.1: their walk-in is at International House). */
  foreignLanguageRoute: ChannelKind.optional(),
  /** A channel id where Oulu residents get this local service (plan 2.1: their walk-in is at BusinessAsema). */
  ouluChannel: z.string().optional(),
  /** Further channel ids that also serve this need. */
  alternatives: z.array(z.string()).default([]),
  sections: z.array(SectionId).min(1),
  refers: z.array(Actor).default([]),
  decides: z.array(Actor).default([]),
  staysWith: z.array(Actor).default([]),
  cost: CostPrinciple.optional(),
  /** Set when national rules have changed since the 2023 plan; names a note in locales/<lang>/notes.json. */
  changedSincePlan: z.string().optional(),
  /** Context the plan itself took for granted (the TE offices closing 1.1.2025); a note in notes.json, not shown as a change. */
  background: z.string().optional(),
  title: Localized,
  summary: Localized,
  todo: Localized,
  keywords: Keywords,
}).strict();
export type ServiceFile = z.infer<typeof ServiceFile>;

/** Where a contact fact comes from. Every phone number, address, hour and deep link needs one. */
export const Source = z.object({
  url: z.url(),
  date: text,
  note: text.optional(),
}).strict();
export type Source = z.infer<typeof Source>;

/** Contacts follow the Suomi.fi service catalogue (PTV) channel types. */
export const Contact = z.discriminatedUnion("type", [
  z.object({ type: z.literal("WebPage"), url: z.url(), source: Source.optional() }).strict(),
  z.object({ type: z.literal("EChannel"), url: z.url().optional(), source: Source.optional() }).strict(),
  z.object({
    type: z.literal("Phone"),
    number: z.string().regex(/^[+0-9][0-9 ]{4,}$/).optional(),
    /** PTV's serviceChargeType: FreeOfCharge, Chargeable, Other. */
    charge: z.enum(["free", "chargeable", "other"]).optional(),
    source: Source.optional(),
  }).strict(),
  z.object({ type: z.literal("ServiceLocation"), address: text.optional(), source: Source.optional() }).strict(),
]).superRefine((c, ctx) => {
  const hasValue = c.type === "WebPage" ? new URL(c.url).pathname.replace(/\/$/, "") !== ""
    : c.type === "EChannel" ? c.url !== undefined
    : c.type === "Phone" ? c.number !== undefined
    : c.address !== undefined;
  if (hasValue && !c.source) {
    ctx.addIssue({ code: "custom", path: ["source"], message: "a contact value other than a website's front page needs its source" });
  }
});
export type Contact = z.infer<typeof Contact>;

export const ChannelFile = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: ChannelKind,
  /** For kind municipality: which municipality. */
  municipality: MunicipalityId.optional(),
  /** The channel's id in the Suomi.fi service catalogue (PTV), set by `npm run import-ptv`. */
  ptvId: z.uuid().optional(),
  name: Localized,
  /** How a person reaches it, in words: walk-in, phone, video, e-service. */
  how: Localized.optional(),
  languages: z.array(Lang).default([]),
  contacts: z.array(Contact).default([]),
  /** Service hours, only with a source. */
  hours: z.array(z.object({ text: Localized, source: Source }).strict()).default([]),
  /** A warning to show beside the contacts, e.g. that a source predates 2025. */
  caution: Localized.optional(),
}).strict();
export type ChannelFile = z.infer<typeof ChannelFile>;

export const SectionFile = z.object({
  sections: z.array(z.object({
    id: SectionId,
    title: Localized,
    summary: Localized,
  }).strict()).min(1),
}).strict();
export type SectionFile = z.infer<typeof SectionFile>;

// ---- the ask contract ----

export const AskRequest = z.object({
  text: z.string().trim().min(1, "text must not be empty").max(TEXT_MAX_CHARS, `text must be at most ${TEXT_MAX_CHARS} characters`),
  lang: Lang.optional(),
  municipality: MunicipalityId.optional(),
  role: Role.optional(),
});
export type AskRequest = z.infer<typeof AskRequest>;

export const ChannelRef = z.object({ kind: ChannelKind, id: z.string(), name: z.string() });
export type ChannelRef = z.infer<typeof ChannelRef>;

/** Why the person is sent where they are (knowledge/route.ts decides it). */
export const ROUTE_REASONS = [
  "own-municipality", "oulu-at-businessasema", "outside", "central", "international-house", "state",
  "welfare-region", "other-area", "municipality-unknown", "moving-here",
] as const;
export const RouteReason = z.enum(ROUTE_REASONS);
export type RouteReason = z.infer<typeof RouteReason>;

/** A service offered by id: `title` with the Finnish name beside it, `label` the short button name. */
export const ServiceOption = z.object({ id: z.string(), title: z.string(), label: z.string() });
export type ServiceOption = z.infer<typeof ServiceOption>;

/** The sourced contact facts of where the person is sent, in the answer's language. */
export const Contacts = z.object({
  how: z.string().optional(),
  phones: z.array(z.string()),
  /** With no sourced number for a phone service: the front pages where the current number is published. */
  phoneListedAt: z.array(z.string()),
  addresses: z.array(z.string()),
  web: z.string().optional(),
  hours: z.array(z.string()),
  /** A warning beside the facts, e.g. that a source predates 2025. */
  caution: z.string().optional(),
});
export type Contacts = z.infer<typeof Contacts>;

/**
 * One routed answer as structure: the text answer, the Adaptive Card and the API's `details` are
 * all rendered from it, so they cannot disagree.
 */
export const Answer = z.object({
  service: z.object({
    id: z.string(),
    /** The name in the answer's language with the Finnish name beside it. */
    title: z.string(),
    titleFi: z.string(),
    /** The name in the answer's language only, for buttons. */
    label: z.string(),
    /** The service's own summary, where written in this language. */
    summary: z.string().optional(),
    delivery: z.array(Delivery),
    /** What the plan says about who delivers it, in words. */
    deliveryText: z.string(),
  }),
  route: z.object({ reason: RouteReason, needs: z.array(z.enum(["municipality"])) }),
  channel: ChannelRef,
  contacts: Contacts,
  /** What to do next; none for someone living outside the area. */
  todo: z.string().optional(),
  notes: z.array(z.object({ kind: z.enum(["changed", "background"]), text: z.string() })),
  alternatives: z.array(ChannelRef),
  /** The plan's sections the answer rests on: id, how a reader sees it, and its title where written in this language. */
  citations: z.array(z.object({ id: z.string(), label: z.string(), title: z.string().optional() })),
  /** Other likely services, when the match is not sure. */
  suggestions: z.array(ServiceOption).max(3),
});
export type Answer = z.infer<typeof Answer>;

export const AskResponse = z.object({
  lang: Lang,
  outOfScope: z.boolean(),
  service: z.object({
    id: z.string(), title: z.string(), delivery: z.array(Delivery), sections: z.array(z.string()),
  }).nullable(),
  channel: ChannelRef.nullable(),
  alternatives: z.array(ChannelRef),
  answer: z.string(),
  confidence: z.number().min(0).max(1),
  citations: z.array(z.string()),
  needs: z.array(z.string()),
  suggestions: z.array(ServiceOption).max(3),
  /** Added to the contract: the structured answer behind `answer`, or null when no service was answered. */
  details: Answer.nullable(),
});
export type AskResponse = z.infer<typeof AskResponse>;

// ---- example phrasings (the understanding's training data) ----

export const SMALLTALK = ["greeting", "thanks", "goodbye", "insult", "lives-in", "capabilities", "affirm", "deny"] as const;
export const SmallTalk = z.enum(SMALLTALK);
export type SmallTalk = z.infer<typeof SmallTalk>;

/** knowledge/content/examples/<lang>.yaml: how people ask for each service, and small talk, in one language. */
export const ExamplesFile = z.object({
  lang: Lang,
  services: z.record(z.string(), z.array(text).min(1)),
  smalltalk: z.partialRecord(SmallTalk, z.array(text).min(1)).default({}),
}).strict();
export type ExamplesFile = z.infer<typeof ExamplesFile>;
