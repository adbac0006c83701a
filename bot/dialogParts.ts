import type { CommandRecognizer } from "../knowledge/commands";
import { serviceOption } from "../knowledge/answer";
import type { Guide } from "../knowledge/guide";
import { peopleToTalkTo } from "../knowledge/reach";
import { relatedServices } from "../knowledge/related";
import { LANGS, type Lang, type Role } from "../knowledge/schema";
import type { Answerer, Recogniser, Strings } from "../dialogs/deps";

/** The guide behind the dialogs' narrow interfaces: one recogniser, one answerer, the strings. */
export function dialogParts(guide: Guide, commands: CommandRecognizer): { recogniser: Recogniser; answerer: Answerer; strings: Strings } {
  const options = (ids: readonly string[], lang: Lang) =>
    ids.flatMap((id) => {
      const s = guide.kb.services.get(id);
      return s ? [serviceOption(s, lang)] : [];
    });
  const guided = (role: Role | undefined) => guide.kb.guided[role && role !== "advisor" ? role : "resident"] ?? [];

  const recogniser: Recogniser = {
    understand: (text) => ({ ...guide.read(text), command: commands.recognizeWithLanguage(text) }),
  };
  const answerer: Answerer = {
    ask: (understood, who) => guide.ask(
      { text: understood.text, lang: who.lang, municipality: who.municipality, role: who.role },
      { outside: who.outside, reading: understood },
    ),
    explain: (serviceId, who) => (guide.kb.services.has(serviceId) ? guide.explain(serviceId, who) : undefined),
    related: (serviceId, lang) => options(relatedServices(guide.kb, serviceId), lang),
    guidedOptions: (role, lang) => options(guided(role), lang),
    guidedNamed: (role, text) => {
      const wanted = text.trim();
      return guided(role).find((id) => LANGS.some((l) => options([id], l)[0]?.label === wanted));
    },
    people: (where, lang) => peopleToTalkTo(guide.kb, where, lang),
  };
  const strings: Strings = {
    t: (lang) => guide.t(lang),
    has: (key, lang) => guide.i18n.exists(key, { lng: lang }),
  };
  return { recogniser, answerer, strings };
}
