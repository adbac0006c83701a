import type { Channel, Knowledge, Service } from "./load";
import type { Translate } from "./i18n";
import { contactFacts, inLang, sectionLabel, serviceTitle, targetName, todoFor, type Words } from "./localize";
import { targetId, targetKind, type Route, type Target } from "./route";
import type { Answer, ChannelRef, Contacts, Lang, ServiceOption } from "./schema";

/** The area's phone service: where its current number is published stands beside a phone service with no sourced number. */
const AREA_PHONE = "businessoulu-phone";

export function channelRef(target: Target, lang: Lang, t: Translate): ChannelRef {
  return { kind: targetKind(target), id: targetId(target), name: targetName(target, lang, t) };
}

/** A service as a button offers it: the short name in the person's language, the full title beside the Finnish one. */
export function serviceOption(s: Service, lang: Lang): ServiceOption {
  return { id: s.id, title: serviceTitle(s, lang), label: s.title[lang] ?? s.title.en };
}

/**
 * A channel's sourced contact facts. The what-to-do texts send people to a phone service: where
 * no number is sourced, the front pages where the current one is published (never a guessed number).
 */
export function contactsOf(kb: Knowledge, channel: Channel | undefined, lang: Lang): Contacts {
  if (!channel) return { phones: [], phoneListedAt: [], addresses: [], hours: [] };
  const f = contactFacts(channel, lang);
  const listsPhone = f.phones.length === 0 && (channel.kind === "businessasema" || channel.kind === "municipality");
  const area = kb.channels.get(AREA_PHONE);
  const areaWeb = area ? contactFacts(area, lang).web : undefined;
  const phoneListedAt = listsPhone ? [...new Set([f.web, areaWeb].filter((w): w is string => !!w))] : [];
  return { ...f, phoneListedAt };
}

/** What the plan says about who delivers it; each delivery phrase a sentence, the first continuing the intro. */
function deliveryText(s: Service, lang: Lang, t: Words): string {
  const phrases = s.delivery.map((d, i) => {
    const p = t(`answer:delivery.${d}`);
    return i === 0 ? p : p.charAt(0).toLocaleUpperCase(lang) + p.slice(1);
  });
  return `${t("answer:deliveryIntro")} ${phrases.join(" ")}`;
}

/** The structured answer for a service routed for a person: everything any rendering needs, in `lang`. */
export function buildAnswer(kb: Knowledge, s: Service, route: Route, lang: Lang, t: Translate, suggestions: ServiceOption[] = []): Answer {
  const channel = route.target.type === "channel" ? route.target.channel : undefined;
  const target = { kind: targetKind(route.target), id: targetId(route.target) };
  const notes: Answer["notes"] = [
    ...(s.changedSincePlan ? [{ kind: "changed" as const, text: t(`notes:${s.changedSincePlan}`) }] : []),
    ...(s.background ? [{ kind: "background" as const, text: t(`notes:${s.background}`) }] : []),
  ];
  return {
    service: {
      id: s.id, title: serviceTitle(s, lang, t), titleFi: s.title.fi, label: s.title[lang] ?? s.title.en,
      summary: inLang(s.summary, lang), delivery: s.delivery, deliveryText: deliveryText(s, lang, t),
    },
    route: { reason: route.reason, needs: route.needs },
    channel: channelRef(route.target, lang, t),
    contacts: contactsOf(kb, channel, lang),
    // Someone living elsewhere is told so; the service's own "what to do" is for residents.
    todo: route.reason === "outside" ? undefined : todoFor(s, target, lang, t),
    notes,
    alternatives: route.alternatives.map((a) => channelRef(a, lang, t)),
    // Sent to another area because section 1 names the eleven municipalities: the answer rests on it too.
    citations: [...s.sections, ...(route.reason === "outside" && !s.sections.includes("1") ? ["1"] : [])].map((id) => {
      const title = kb.sections.get(id)?.title;
      return { id, label: sectionLabel(id, t), title: title && inLang(title, lang) };
    }),
    suggestions,
  };
}

/** The sourced contact lines, and the caution where a source is old. */
function contactLines(c: Contacts, t: Words): string[] {
  return [
    ...(c.how ? [c.how] : []),
    ...c.phones.map((number) => t("answer:phone", { number })),
    ...c.addresses.map((address) => t("answer:address", { address })),
    ...(c.web ? [t("answer:web", { url: c.web })] : []),
    ...c.hours,
    ...(c.caution ? [c.caution] : []),
  ];
}

function goTo(a: Answer, t: Words): string {
  if (a.channel.id === "own-municipality") return t("answer:goToOwnMunicipality");
  if (a.channel.id === "own-welfare-region") return t("answer:goToOwnWelfareRegion");
  return t("answer:goTo", { channel: a.channel.name });
}

/** The answer as plain text: the API's `answer`, and what a channel without cards shows. */
export function answerText(a: Answer, t: Words): string {
  const { reason, needs } = a.route;
  const parts: string[] = [`${a.service.title}.`, a.service.summary ?? a.service.deliveryText];
  if (reason === "outside") parts.push(t("answer:outside"));
  if (reason === "moving-here") parts.push(t("answer:movingHere"));
  parts.push(goTo(a, t));
  if (reason === "oulu-at-businessasema") parts.push(t("answer:ouluAtBusinessAsema"));
  parts.push(...contactLines(a.contacts, t));
  if (needs.includes("municipality")) parts.push(t("answer:askMunicipality"));
  if (a.todo) parts.push(a.todo);
  parts.push(...a.notes.map((n) => n.text));
  if (a.alternatives.length > 0) parts.push(t("answer:also", { list: a.alternatives.map((x) => x.name).join("; ") }));
  parts.push(t("answer:source", { sections: a.citations.map((c) => c.label).join(", ") }));
  if (a.suggestions.length > 0) parts.push(t("answer:unsure"), ...a.suggestions.map((s) => `• ${s.title}`));
  return parts.join("\n");
}
