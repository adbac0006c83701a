import { ActionTypes, ActivityTypes, CardFactory, MessageFactory, type Activity, type CardAction, type TurnContext } from "botbuilder";
import { sayFor, type DialogDeps, type Profile, type Say, type Strings } from "./deps";
import { LANGS, RTL_LANGS, type Answer, type AskResponse, type Lang, type ServiceOption } from "../knowledge/schema";
import { isolateLatin } from "./bidi";

// Channels known to render Adaptive Cards; elsewhere the answer goes as plain text.
const CARD_CHANNELS = new Set(["webchat", "directline", "emulator", "msteams", "test"]);

/** Tells the web page to switch Web Chat's locale and direction. */
export function languageEvent(strings: Strings, lang: Lang, chosen = false, plain = false): Partial<Activity> {
  const t = strings.t(lang);
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
  await context.sendActivity(languageEvent(deps.strings, lang, profile.langChosen === true, profile.plain === true));
}

/** The language buttons: each language named in itself, plain Finnish (selkosuomi) after Finnish. */
export function languageButtons(strings: Strings): string[] {
  return LANGS.flatMap((l) => l === "fi" ? [strings.t("fi")("bot:language.name"), strings.t("fi")("selko:language.name")] : [strings.t(l)("bot:language.name")]);
}

export function suggestions(texts: string[]): Partial<Activity> {
  return MessageFactory.suggestedActions(texts.map((t) => ({ type: ActionTypes.ImBack, title: t, value: t })));
}

/**
 * Buttons that choose a service by id: `{ service: id }` comes back as the value, the short name in
 * the person's language is shown (and sent as text, for channels that only pass text on).
 */
export function serviceActions(options: readonly ServiceOption[]): CardAction[] {
  return options.map((o) => ({ type: ActionTypes.MessageBack, title: o.label, text: o.label, displayText: o.label, value: { service: o.id } }));
}

/** Service buttons, then plain ones (e.g. "show options"). */
export function serviceButtons(options: readonly ServiceOption[], texts: string[] = []): Partial<Activity> {
  return MessageFactory.suggestedActions([...serviceActions(options), ...texts.map((t) => ({ type: ActionTypes.ImBack, title: t, value: t }))]);
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

/** The answer card: service, where to go and how, what to do, why (in words, then the plan's section). */
export function answerCard(a: Answer, lang: Lang, t: Say): Record<string, unknown> {
  const c = a.contacts;
  const facts: Array<{ title: string; value: string }> = [{ title: t("bot:card.whereToGo"), value: a.channel.name }];
  if (c.how) facts.push({ title: t("bot:card.how"), value: c.how });
  for (const value of c.phones) facts.push({ title: t("bot:card.phone"), value });
  if (c.phoneListedAt.length > 0) facts.push({ title: t("bot:card.phone"), value: t("bot:card.phoneUnknown", { web: c.phoneListedAt.join(" · ") }) });
  for (const value of c.addresses) facts.push({ title: t("bot:card.address"), value });
  if (c.web) facts.push({ title: t("bot:card.web"), value: c.web });
  for (const value of c.hours) facts.push({ title: t("bot:card.hours"), value });
  if (a.alternatives.length > 0) facts.push({ title: t("bot:card.also"), value: a.alternatives.map((x) => x.name).join("; ") });
  // Why, for a resident: what the plan says in words; then the plan's sections with their titles, for the advisor.
  facts.push({ title: t("bot:card.why"), value: a.service.deliveryText });
  const sections = a.citations.map((x) => (x.title ? `${x.label} “${x.title}”` : x.label));
  if (sections.length > 0) facts.push({ title: t("bot:card.plan"), value: t("bot:card.planSection", { sections: sections.join(", ") }) });

  const iso = (text: string) => isolateLatin(text, lang);
  const block = (text: string, more: Record<string, unknown> = {}) => ({ type: "TextBlock", text: iso(text), wrap: true, ...more });
  const body: Array<Record<string, unknown>> = [block(a.service.title, { weight: "Bolder", size: "Medium", style: "heading" })];
  if (a.service.summary) body.push(block(a.service.summary));
  // Label and value on one wrapped line read better at 360 px than a two-column FactSet.
  for (const f of facts) body.push(block(`**${f.title}:** ${f.value}`, { spacing: "Small" }));
  if (a.route.reason === "outside") body.push(block(t("answer:outside")));
  if (a.todo) body.push(block(`**${t("bot:card.todo")}:** ${a.todo}`));
  for (const n of a.notes) {
    body.push(n.kind === "changed" ? block(`**${t("bot:card.note")}** ${n.text}`, { color: "Attention" }) : block(n.text, { size: "Small" }));
  }
  if (c.caution) body.push(block(c.caution, { size: "Small" }));
  if (a.route.needs.includes("municipality")) body.push(block(t("answer:askMunicipality")));
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.3",
    lang,
    rtl: RTL_LANGS.includes(lang),
    body,
  };
}

/** Sends an answer: a card where the channel renders one, the plain text elsewhere; then the follow-ups. */
export async function sendAnswer(context: TurnContext, strings: Strings, r: AskResponse, say?: Say): Promise<void> {
  const t = say ?? strings.t(r.lang);
  if (!r.service) {
    const msg = serviceButtons(r.suggestions, [t("bot:guidedStart")]);
    msg.text = chatText(r.answer, r.lang);
    msg.locale = r.lang;
    await context.sendActivity(msg);
    return;
  }
  const useCard = CARD_CHANNELS.has(context.activity.channelId) && r.details !== null;
  const msg: Partial<Activity> = useCard && r.details
    ? { ...MessageFactory.attachment(CardFactory.adaptiveCard(answerCard(r.details, r.lang, t))), summary: r.answer }
    : MessageFactory.text(chatText(r.answer, r.lang));
  msg.locale = r.lang;
  await context.sendActivity(msg);
  // When unsure, the other likely services come first; otherwise ask whether this helped.
  const follow = r.suggestions.length > 0
    ? serviceButtons(r.suggestions)
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
  await sendAnswer(context, deps.strings, r, r.lang === profile.lang ? sayFor(deps.strings, profile) : undefined);
}
