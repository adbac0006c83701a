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
