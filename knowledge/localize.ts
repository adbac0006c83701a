import type { Channel, Service } from "./load";
import type { Translate } from "./i18n";
import type { Target } from "./route";
import type { ChannelKind, Lang, Localized } from "./schema";

/** Any function that gives a string for a locale key: i18next's t, or a dialog's say(). */
export type Words = (key: string, options?: Record<string, unknown>) => string;

/** The text in this language, if written; fi, sv and en always are. */
export function inLang(text: Localized, lang: Lang): string | undefined {
  return text[lang];
}

/** A service's name in the language, with the Finnish name beside it: people meet it in their letters. */
export function serviceTitle(s: Service, lang: Lang, t?: Translate): string {
  const own = s.title[lang] ?? s.title.en;
  if (lang === "fi" || own === s.title.fi) return own;
  return t ? `${own} (${t("answer:finnishName", { name: s.title.fi })})` : `${own} (${s.title.fi})`;
}

export function channelName(c: Channel, lang: Lang): string {
  return c.name[lang] ?? c.name.en;
}

export function targetName(target: Target, lang: Lang, t: Translate): string {
  if (target.type === "channel") return channelName(target.channel, lang);
  return target.type === "own-municipality" ? t("answer:ownMunicipality") : t("answer:ownWelfareRegion");
}

/** What a person needs to reach a channel, in a language: only sourced values, and the caution beside them. */
export interface ContactFacts {
  how?: string;
  phones: string[];
  addresses: string[];
  web?: string;
  hours: string[];
  caution?: string;
}

export function contactFacts(c: Channel, lang: Lang): ContactFacts {
  const web = c.contacts.find((x) => x.type === "WebPage");
  return {
    how: c.how && inLang(c.how, lang),
    phones: c.contacts.flatMap((x) => (x.type === "Phone" && x.number ? [x.number] : [])),
    addresses: c.contacts.flatMap((x) => (x.type === "ServiceLocation" && x.address ? [x.address] : [])),
    web: web && web.type === "WebPage" ? web.url : undefined,
    hours: c.hours.map((h) => inLang(h.text, lang) ?? h.text.en),
    caution: c.caution && (inLang(c.caution, lang) ?? c.caution.en),
  };
}

/** A plan section as a reader sees it: "LIITE 1" reads "Appendix 1" in the reader's language. */
export function sectionLabel(id: string, t: Words): string {
  const m = /^LIITE (\d+)$/.exec(id);
  return m ? t("answer:appendix", { n: m[1] }) : id;
}

export const sectionList = (ids: readonly string[], t: Words): string => ids.map((id) => sectionLabel(id, t)).join(", ");

/**
 * What to do, in words that agree with where the person is sent. A service's own text is
 * written for its usual route; when someone goes elsewhere (a foreign-language client to
 * International House) the general text for that kind of place speaks instead. People living
 * outside the area get no resident's instructions.
 */
export function todoFor(s: Service, target: { kind: ChannelKind; id: string }, lang: Lang, t: Words): string | undefined {
  if (target.id === "other-employment-area" || target.id === "own-welfare-region") return undefined;
  if (target.kind !== s.route) return t(`answer:todo.${target.kind}`);
  return inLang(s.todo, lang) ?? t(`answer:todo.${s.route}`);
}
