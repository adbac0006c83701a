import { ActionTypes, ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from "botbuilder";
import type { Guide } from "../knowledge/guide";
import type { DialogDeps, Profile } from "./deps";
import { contactFacts, inLang } from "../knowledge/localize";
import { RTL_LANGS, type AskResponse, type Lang } from "../knowledge/schema";

// Channels known to render Adaptive Cards; elsewhere the answer goes as plain text.
const CARD_CHANNELS = new Set(["webchat", "directline", "emulator", "msteams", "test"]);

/** Tells the web page to switch Web Chat's locale and direction. */
export function languageEvent(guide: Guide, lang: Lang, chosen = false): Partial<Activity> {
  const t = guide.t(lang);
  return { type: ActivityTypes.Event, name: "reitti.language", value: { lang, locale: t("bot:language.locale"), dir: RTL_LANGS.includes(lang) ? "rtl" : "ltr", chosen } };
}

/**
 * Makes `lang` the conversation's language, remembers whether the person chose it, and tells
 * the web page so Web Chat follows (locale, direction).
 */
export async function adoptLanguage(deps: DialogDeps, context: TurnContext, profile: Profile, lang: Lang, chosen: boolean): Promise<void> {
  profile.lang = lang;
  if (chosen) profile.langChosen = true;
  await deps.profile.set(context, profile);
  await context.sendActivity(languageEvent(deps.guide, lang, profile.langChosen === true));
}

export function suggestions(texts: string[]): Partial<Activity> {
  return MessageFactory.suggestedActions(texts.map((t) => ({ type: ActionTypes.ImBack, title: t, value: t })));
}

function feedbackActions(guide: Guide, lang: Lang) {
  const t = guide.t(lang);
  return [
    { type: ActionTypes.PostBack, title: t("bot:feedbackYes"), value: { feedback: "yes" } },
    { type: ActionTypes.PostBack, title: t("bot:feedbackNo"), value: { feedback: "no" } },
  ];
}

/** The answer card: service, where to go and how, what to do, why (the plan's section). */
export function answerCard(guide: Guide, r: AskResponse): Record<string, unknown> {
  const t = guide.t(r.lang);
  const service = r.service ? guide.kb.services.get(r.service.id) : undefined;
  const channel = r.channel ? guide.kb.channels.get(r.channel.id) : undefined;
  const facts: Array<{ title: string; value: string }> = [];
  if (r.channel) facts.push({ title: t("bot:card.whereToGo"), value: r.channel.name });
  const contact = channel ? contactFacts(channel, r.lang) : undefined;
  if (contact?.how) facts.push({ title: t("bot:card.how"), value: contact.how });
  for (const value of contact?.phones ?? []) facts.push({ title: t("bot:card.phone"), value });
  for (const value of contact?.addresses ?? []) facts.push({ title: t("bot:card.address"), value });
  if (contact?.web) facts.push({ title: t("bot:card.web"), value: contact.web });
  for (const value of contact?.hours ?? []) facts.push({ title: t("bot:card.hours"), value });
  if (r.alternatives.length > 0) facts.push({ title: t("bot:card.also"), value: r.alternatives.map((a) => a.name).join("; ") });
  facts.push({ title: t("bot:card.why"), value: t("bot:card.planSection", { sections: r.citations.join(", ") }) });

  const body: Array<Record<string, unknown>> = [
    { type: "TextBlock", text: r.service?.title ?? "", weight: "Bolder", size: "Medium", wrap: true, style: "heading" },
  ];
  const summary = service && inLang(service.summary, r.lang);
  if (summary) body.push({ type: "TextBlock", text: summary, wrap: true });
  // Label and value on one wrapped line read better at 360 px than a two-column FactSet.
  for (const f of facts) body.push({ type: "TextBlock", text: `**${f.title}:** ${f.value}`, wrap: true, spacing: "Small" });
  // Someone living elsewhere is told so; the service's own "what to do" is for residents.
  const outside = r.channel?.id === "other-employment-area";
  if (outside) body.push({ type: "TextBlock", text: t("answer:outside"), wrap: true });
  const todo = !outside && service && inLang(service.todo, r.lang);
  if (todo) body.push({ type: "TextBlock", text: `**${t("bot:card.todo")}:** ${todo}`, wrap: true });
  if (service?.changedSincePlan) body.push({ type: "TextBlock", text: `**${t("bot:card.note")}** ${t(`notes:${service.changedSincePlan}`)}`, wrap: true, color: "Attention" });
  if (contact?.caution) body.push({ type: "TextBlock", text: contact.caution, wrap: true, size: "Small" });
  if (r.needs.includes("municipality")) body.push({ type: "TextBlock", text: t("answer:askMunicipality"), wrap: true });
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
export async function sendAnswer(context: TurnContext, guide: Guide, r: AskResponse): Promise<void> {
  const t = guide.t(r.lang);
  if (!r.service) {
    const msg = r.suggestions.length > 0 ? suggestions([...r.suggestions.map((s) => s.title), t("bot:guidedStart")]) : suggestions([t("bot:guidedStart")]);
    msg.text = r.answer;
    msg.locale = r.lang;
    await context.sendActivity(msg);
    return;
  }
  const useCard = CARD_CHANNELS.has(context.activity.channelId);
  const msg: Partial<Activity> = useCard
    ? { ...MessageFactory.attachment(CardFactory.adaptiveCard(answerCard(guide, r))), summary: r.answer }
    : MessageFactory.text(r.answer);
  msg.locale = r.lang;
  await context.sendActivity(msg);
  // When unsure, the other likely services come first; otherwise ask whether this helped.
  const follow = r.suggestions.length > 0
    ? MessageFactory.suggestedActions(r.suggestions.map((s) => ({ type: ActionTypes.ImBack, title: s.title, value: s.title })), t("bot:suggestionsTitle"))
    : MessageFactory.suggestedActions(feedbackActions(guide, r.lang), t("bot:feedbackQuestion"));
  follow.locale = r.lang;
  await context.sendActivity(follow);
}

