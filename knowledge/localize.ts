import type { Channel, Service } from "./load";
import type { Translate } from "./i18n";
import type { Target } from "./route";
import type { Lang, Localized } from "./schema";

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
