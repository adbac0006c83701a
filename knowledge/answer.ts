import type { Service } from "./load";
import type { Translate } from "./i18n";
import { channelName, contactFacts, inLang, sectionList, serviceTitle, targetName, todoFor } from "./localize";
import { targetId, targetKind, type Route } from "./route";
import type { Lang } from "./schema";

/** The sourced contact lines of the target channel, and its caution where a source is old. */
function contactLines(route: Route, lang: Lang, t: Translate): string[] {
  if (route.target.type !== "channel") return [];
  const f = contactFacts(route.target.channel, lang);
  return [
    ...(f.how ? [f.how] : []),
    ...f.phones.map((number) => t("answer:phone", { number })),
    ...f.addresses.map((address) => t("answer:address", { address })),
    ...(f.web ? [t("answer:web", { url: f.web })] : []),
    ...f.hours,
    ...(f.caution ? [f.caution] : []),
  ];
}

/** What the plan says about who delivers it: the service's own summary, or the delivery phrases. */
function deliverySentence(s: Service, lang: Lang, t: Translate): string {
  const own = inLang(s.summary, lang);
  if (own) return own;
  return `${t("answer:deliveryIntro")} ${s.delivery.map((d) => t(`answer:delivery.${d}`)).join(" ")}`;
}

export function composeAnswer(s: Service, route: Route, lang: Lang, t: Translate): string {
  const parts: string[] = [];
  parts.push(`${serviceTitle(s, lang, t)}.`);
  parts.push(deliverySentence(s, lang, t));
  if (route.reason === "outside") parts.push(t("answer:outside"));
  if (route.reason === "moving-here") parts.push(t("answer:movingHere"));
  if (route.target.type === "channel") parts.push(t("answer:goTo", { channel: channelName(route.target.channel, lang) }));
  else parts.push(t(route.target.type === "own-municipality" ? "answer:goToOwnMunicipality" : "answer:goToOwnWelfareRegion"));
  if (route.reason === "oulu-at-businessasema") parts.push(t("answer:ouluAtBusinessAsema"));
  parts.push(...contactLines(route, lang, t));
  if (route.needs.includes("municipality")) parts.push(t("answer:askMunicipality"));
  const todo = todoFor(s, { kind: targetKind(route.target), id: targetId(route.target) }, lang, t);
  if (todo && route.reason !== "outside") parts.push(todo);
  if (s.changedSincePlan) parts.push(t(`notes:${s.changedSincePlan}`));
  if (s.background) parts.push(t(`notes:${s.background}`));
  if (route.alternatives.length > 0) {
    parts.push(t("answer:also", { list: route.alternatives.map((a) => targetName(a, lang, t)).join("; ") }));
  }
  parts.push(t("answer:source", { sections: sectionList(s.sections, t) }));
  return parts.join("\n");
}
