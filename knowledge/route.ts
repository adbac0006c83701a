import type { Channel, Knowledge, Service } from "./load";
import type { ChannelKind, Lang, MunicipalityId, Role, RouteReason } from "./schema";

/** A place to send the person: a channel of the knowledge base, or one named only by its kind. */
export type Target =
  | { type: "channel"; channel: Channel }
  /** The person's own municipality, not yet known. */
  | { type: "own-municipality" }
  /** The wellbeing services county of a person living outside the area. */
  | { type: "own-welfare-region" };

export interface RouteContext {
  municipality?: MunicipalityId;
  /** The person lives outside the eleven municipalities. */
  outside: boolean;
  role?: Role;
  lang: Lang;
  /** Where an employer's company is: employer services follow the company (plan 2.4). */
  company?: MunicipalityId;
  companyOutside?: boolean;
  /** A foreign-language client (a person, not a message): walk-in at International House (plan 5.1). */
  foreignLanguage?: boolean;
  /** Planning to move to the area: International House informs them (plan 3.2.2). */
  movingHere?: boolean;
  /** Channel ids the person named: asking about BusinessAsema's walk-in gets BusinessAsema. */
  named?: readonly string[];
}

export interface Route {
  target: Target;
  alternatives: Target[];
  needs: Array<"municipality">;
  /** Why this target, as a key the answer explains: own-municipality, oulu-at-businessasema, outside, ... */
  reason: RouteReason;
}

export function targetKind(t: Target): ChannelKind {
  if (t.type === "channel") return t.channel.kind;
  return t.type === "own-municipality" ? "municipality" : "welfare-region";
}

export function targetId(t: Target): string {
  return t.type === "channel" ? t.channel.id : t.type;
}

const ch = (channel: Channel): Target => ({ type: "channel", channel });

/** The channel of each kind when a service names none of its own. */
const DEFAULT_CHANNEL: Record<Exclude<ChannelKind, "municipality">, string> = {
  businessasema: "businessasema",
  "international-house": "international-house-oulu",
  state: "tyomarkkinatori",
  "welfare-region": "pohde",
  "other-area": "other-employment-area",
};

/** Without a reading of the person (a button, an older caller), the answer language is the only hint. */
const isForeignLanguage = (ctx: RouteContext) => ctx.foreignLanguage ?? (ctx.role === "immigrant" || !["fi", "sv"].includes(ctx.lang));

/** International House informs people moving to the area about what they will meet here (plan 3.2.2). */
const informsNewcomers = (s: Service) => s.client !== "employer" && ["municipality", "businessasema"].includes(s.route);

/**
 * The plan's routing rules as one pure function: local services to the person's own
 * municipality (Oulu residents meet theirs at BusinessAsema), centralised ones to BusinessAsema,
 * foreign-language walk-in to International House, the state's to the state, Pohde's to Pohde,
 * maritime job placement to the Turku area, and people living elsewhere to their own area.
 */
export function route(kb: Knowledge, service: Service, given: RouteContext): Route {
  // An employer's services follow the company's municipality, not the owner's home (plan 2.4 a, b).
  const byCompany = service.client === "employer" && (given.company !== undefined || given.companyOutside === true);
  const ctx: RouteContext = byCompany
    ? { ...given, municipality: given.company, outside: given.companyOutside === true && !given.company }
    : given;
  const channel = (id: string): Channel => {
    const c = kb.channels.get(id);
    if (!c) throw new Error(`unknown channel ${id}`);
    return c;
  };
  const own = ctx.municipality ? ch(kb.municipalityChannels.get(ctx.municipality) ?? channel("businessasema")) : undefined;
  // Where Oulu residents get this local service, when the plan names a place for it (2.1: walk-in at
  // BusinessAsema): for an Oulu resident, or for someone who asks about that place and lives nowhere else known.
  const atOulu = service.ouluChannel !== undefined
    && (ctx.municipality === "oulu" || (!ctx.municipality && ctx.named?.includes(service.ouluChannel) === true));

  let target: Target;
  let reason: Route["reason"];
  const needs: Route["needs"] = [];

  if (ctx.movingHere && !ctx.outside && informsNewcomers(service)) {
    target = ch(channel("international-house-oulu"));
    reason = "moving-here";
  } else if (ctx.outside && service.route !== "state") {
    if (service.route === "welfare-region") {
      target = { type: "own-welfare-region" };
      reason = "welfare-region";
    } else {
      target = ch(channel("other-employment-area"));
      reason = "outside";
    }
  } else if (atOulu && service.ouluChannel && (!isForeignLanguage(ctx) || ctx.named?.includes(service.ouluChannel))) {
    target = ch(channel(service.ouluChannel));
    reason = "oulu-at-businessasema";
  } else if (service.foreignLanguageRoute === "international-house" && isForeignLanguage(ctx)) {
    target = ch(channel("international-house-oulu"));
    reason = "international-house";
  } else if (service.route === "municipality") {
    if (own) {
      target = own;
      reason = ctx.municipality === "oulu" ? "oulu-at-businessasema" : "own-municipality";
    } else {
      target = { type: "own-municipality" };
      reason = "municipality-unknown";
      needs.push("municipality");
    }
  } else {
    target = ch(channel(service.channel ?? DEFAULT_CHANNEL[service.route]));
    reason = service.route === "businessasema" ? "central" : service.route;
  }

  const alternatives: Target[] = [];
  const seen = new Set<string>([targetId(target)]);
  const push = (t: Target | undefined) => {
    if (!t || seen.has(targetId(t))) return;
    seen.add(targetId(t));
    alternatives.push(t);
  };
  // Once moved, the plan's own channel serves them: name it beside International House.
  if (reason === "moving-here") push(service.route === "municipality" ? own : ch(channel(service.channel ?? DEFAULT_CHANNEL.businessasema)));
  // Asked about BusinessAsema without saying where they live: residents of the other ten go to their own municipality.
  if (reason === "oulu-at-businessasema" && !ctx.municipality) push({ type: "own-municipality" });
  if (ctx.outside) {
    push(ch(channel("tyomarkkinatori")));
  } else {
    for (const a of service.alternatives) push(a === "municipality" ? (own ?? { type: "own-municipality" }) : ch(channel(a)));
    // Foreign-language clients can walk in at International House without an appointment (plan 5.1).
    if (isForeignLanguage(ctx) && ["municipality", "businessasema"].includes(targetKind(target))) push(ch(channel("international-house-oulu")));
  }
  return { target, alternatives: alternatives.slice(0, 4), needs, reason };
}
