import { ActionTypes, ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from "botbuilder";
import type { Guide } from "../knowledge/guide";
import type { Service } from "../knowledge/load";
import { sayFor, type DialogDeps, type Profile, type Say } from "./deps";
import { contactFacts, inLang, sectionLabel, todoFor } from "../knowledge/localize";
import { LANGS, RTL_LANGS, type AskResponse, type Lang } from "../knowledge/schema";
import { isolateLatin } from "./bidi";

// Channels known to render Adaptive Cards; elsewhere the answer goes as plain text.
const CARD_CHANNELS = new Set(["webchat", "directline", "emulator", "msteams", "test"]);
/** Where the current number of the area's phone service is published (front page only: no sourced deep link). */
const AREA_WEB = "https://businessasema.com";

/** Tells the web page to switch Web Chat's locale and direction. */
export function languageEvent(guide: Guide, lang: Lang, chosen = false, plain = false): Partial<Activity> {
  const t = guide.t(lang);
  return { type: ActivityTypes.Event, name: "reitti.language", value: { lang, locale: t("bot:language.locale"), dir: RTL_LANGS.includes(lang) ? "rtl" : "ltr", chosen, plain } };
}

/**
 * Makes `lang` the conversation's language, remembers whether the person chose it, and tells
 * the web page so Web Chat follows (locale, direction).
 */
export async function adoptLanguage(deps: DialogDeps, context: TurnContext, profile: Profile, lang: Lang, chosen: boolean): Promise<void> {
  profile.lang = lang;
  if (chosen) profile.langChosen = true;
  await deps.profile.set(context, profile);
  await context.sendActivity(languageEvent(deps.guide, lang, profile.langChosen === true, profile.plain === true));
}

/** The language buttons: each language named in itself, plain Finnish (selkosuomi) after Finnish. */
export function languageButtons(guide: Guide): string[] {
  return LANGS.flatMap((l) => l === "fi" ? [guide.t("fi")("bot:language.name"), guide.t("fi")("selko:language.name")] : [guide.t(l)("bot:language.name")]);
}

export function suggestions(texts: string[]): Partial<Activity> {
  return MessageFactory.suggestedActions(texts.map((t) => ({ type: ActionTypes.ImBack, title: t, value: t })));
}

/** A button's label: the service's name in the person's language only; the Finnish name is in the card. */
export function shortTitle(s: Service, lang: Lang): string {
  return s.title[lang] ?? s.title.en;
}

/**
 * Text for a chat bubble: "•" lines become a real list, other lines paragraphs (Markdown would
 * otherwise run them together), and Latin fragments are isolated in right-to-left languages.
 */
export function chatText(text: string, lang: Lang): string {
  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(list.join("\n"));
    list = [];
  };
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    if (line.startsWith("• ")) list.push(`- ${line.slice(2)}`);
    else {
      flush();
      blocks.push(line);
    }
  }
  flush();
  return isolateLatin(blocks.join("\n\n"), lang);
}

function feedbackActions(t: Say) {
  return [
    { type: ActionTypes.PostBack, title: t("bot:feedbackYes"), value: { feedback: "yes" } },
    { type: ActionTypes.PostBack, title: t("bot:feedbackNo"), value: { feedback: "no" } },
  ];
}

/**
 * Why, for a resident: what the plan says about who delivers the service, in words; then the
 * plan's sections with their titles where written in this language, for the advisor.
 */
function whyLines(guide: Guide, r: AskResponse, service: Service | undefined, t: Say): Array<{ title: string; value: string }> {
  const out: Array<{ title: string; value: string }> = [];
  // Each delivery phrase is a sentence of its own; the first continues "The plan says".
  const phrases = service?.delivery.map((d, i) => {
    const p = t(`answer:delivery.${d}`);
    return i === 0 ? p : p.charAt(0).toLocaleUpperCase(r.lang) + p.slice(1);
  });
  if (phrases?.length) out.push({ title: t("bot:card.why"), value: `${t("answer:deliveryIntro")} ${phrases.join(" ")}` });
  const sections = r.citations.map((id) => {
    const title = guide.kb.sections.get(id)?.title;
    const own = title && inLang(title, r.lang);
    const label = sectionLabel(id, t);
    return own ? `${label} “${own}”` : label;
  });
  if (sections.length > 0) out.push({ title: t("bot:card.plan"), value: t("bot:card.planSection", { sections: sections.join(", ") }) });
  return out;
}

/** The answer card: service, where to go and how, what to do, why (in words, then the plan's section). */
export function answerCard(guide: Guide, r: AskResponse, say?: Say): Record<string, unknown> {
  const t = say ?? guide.t(r.lang);
  const service = r.service ? guide.kb.services.get(r.service.id) : undefined;
  const channel = r.channel ? guide.kb.channels.get(r.channel.id) : undefined;
  const facts: Array<{ title: string; value: string }> = [];
  if (r.channel) facts.push({ title: t("bot:card.whereToGo"), value: r.channel.name });
  const contact = channel ? contactFacts(channel, r.lang) : undefined;
  if (contact?.how) facts.push({ title: t("bot:card.how"), value: contact.how });
  for (const value of contact?.phones ?? []) facts.push({ title: t("bot:card.phone"), value });
  // The what-to-do texts send people to a phone service: with no sourced number, say where it is published.
  if (contact && contact.phones.length === 0 && (channel?.kind === "businessasema" || channel?.kind === "municipality")) {
    const webs = [...new Set([contact.web, AREA_WEB].filter((w): w is string => !!w))];
    facts.push({ title: t("bot:card.phone"), value: t("bot:card.phoneUnknown", { web: webs.join(" · ") }) });
  }
  for (const value of contact?.addresses ?? []) facts.push({ title: t("bot:card.address"), value });
  if (contact?.web) facts.push({ title: t("bot:card.web"), value: contact.web });
  for (const value of contact?.hours ?? []) facts.push({ title: t("bot:card.hours"), value });
  if (r.alternatives.length > 0) facts.push({ title: t("bot:card.also"), value: r.alternatives.map((a) => a.name).join("; ") });
  facts.push(...whyLines(guide, r, service, t));

  const iso = (text: string) => isolateLatin(text, r.lang);
  const body: Array<Record<string, unknown>> = [
    { type: "TextBlock", text: iso(r.service?.title ?? ""), weight: "Bolder", size: "Medium", wrap: true, style: "heading" },
  ];
  const summary = service && inLang(service.summary, r.lang);
  if (summary) body.push({ type: "TextBlock", text: iso(summary), wrap: true });
  // Label and value on one wrapped line read better at 360 px than a two-column FactSet.
  for (const f of facts) body.push({ type: "TextBlock", text: iso(`**${f.title}:** ${f.value}`), wrap: true, spacing: "Small" });
  // Someone living elsewhere is told so; the service's own "what to do" is for residents.
  const outside = r.channel?.id === "other-employment-area";
  if (outside) body.push({ type: "TextBlock", text: iso(t("answer:outside")), wrap: true });
  const todo = !outside && service && r.channel && todoFor(service, r.channel, r.lang, t);
  if (todo) body.push({ type: "TextBlock", text: iso(`**${t("bot:card.todo")}:** ${todo}`), wrap: true });
  if (service?.changedSincePlan) body.push({ type: "TextBlock", text: iso(`**${t("bot:card.note")}** ${t(`notes:${service.changedSincePlan}`)}`), wrap: true, color: "Attention" });
  if (service?.background) body.push({ type: "TextBlock", text: iso(t(`notes:${service.background}`)), wrap: true, size: "Small" });
  if (contact?.caution) body.push({ type: "TextBlock", text: iso(contact.caution), wrap: true, size: "Small" });
  if (r.needs.includes("municipality")) body.push({ type: "TextBlock", text: iso(t("answer:askMunicipality")), wrap: true });
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.3",
    lang: r.lang,
    rtl: RTL_LANGS.includes(r.lang),
    body,
  };
}

/** Sends an answer: a card where the channel renders one, the plain text elsewhere; then the follow-ups. */
export async function sendAnswer(context: TurnContext, guide: Guide, r: AskResponse, say?: Say): Promise<void> {
  const t = say ?? guide.t(r.lang);
  const labels = (list: AskResponse["suggestions"]) => list.map((s) => {
    const service = guide.kb.services.get(s.id);
    return service ? shortTitle(service, r.lang) : s.title;
  });
  if (!r.service) {
    const msg = suggestions([...labels(r.suggestions), t("bot:guidedStart")]);
    msg.text = chatText(r.answer, r.lang);
    msg.locale = r.lang;
    await context.sendActivity(msg);
    return;
  }
  const useCard = CARD_CHANNELS.has(context.activity.channelId);
  const msg: Partial<Activity> = useCard
    ? { ...MessageFactory.attachment(CardFactory.adaptiveCard(answerCard(guide, r, say))), summary: r.answer }
    : MessageFactory.text(chatText(r.answer, r.lang));
  msg.locale = r.lang;
  await context.sendActivity(msg);
  // When unsure, the other likely services come first; otherwise ask whether this helped.
  const follow = r.suggestions.length > 0
    ? suggestions(labels(r.suggestions))
    : MessageFactory.suggestedActions(feedbackActions(t));
  follow.text = t(r.suggestions.length > 0 ? "bot:suggestionsTitle" : "bot:feedbackQuestion");
  follow.locale = r.lang;
  await context.sendActivity(follow);
}

/** Sends the answer and remembers which service it was, for "related services" later. */
export async function answer(deps: DialogDeps, context: TurnContext, r: AskResponse): Promise<void> {
  const profile = await deps.profile.get(context, {});
  if (r.service) {
    profile.lastService = r.service.id;
    await deps.profile.set(context, profile);
  }
  await sendAnswer(context, deps.guide, r, r.lang === profile.lang ? sayFor(deps.guide, profile) : undefined);
}
