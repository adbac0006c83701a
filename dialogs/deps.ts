import type { StatePropertyAccessor } from "botbuilder";
import type { CommandRecognizer } from "../knowledge/commands";
import type { Guide } from "../knowledge/guide";
import type { Lang, MunicipalityId, Role } from "../knowledge/schema";

/** What the conversation remembers, and only this: no transcript. */
export interface Profile {
  lang?: Lang;
  /** The person chose the language; detection no longer changes it. */
  langChosen?: boolean;
  municipality?: MunicipalityId;
  /** The person lives outside the eleven municipalities. */
  outside?: boolean;
  role?: Role;
  /** Plain Finnish (selkosuomi) was chosen; lang is then "fi". */
  plain?: boolean;
  /** The service last answered, for "related services" after "not helpful": an id, no text. */
  lastService?: string;
}

/** Counts answers to "was this helpful?"; stores no text. */
export interface FeedbackSink {
  record(helpful: boolean): void;
}

export interface DialogDeps {
  guide: Guide;
  commands: CommandRecognizer;
  profile: StatePropertyAccessor<Profile>;
  feedback: FeedbackSink;
}

/** The conversation's language: chosen, else remembered, else Finnish (the bot greets in Finnish). */
export function profileLang(p: Profile): Lang {
  return p.lang ?? "fi";
}

/** A bot string in the conversation's language. */
export type Say = (key: string, options?: Record<string, unknown>) => string;

/**
 * The conversation's strings: in plain Finnish (locales/fi/selko.json) where it has the string
 * and the person chose selkosuomi, otherwise the language's own (locales/<lang>/bot.json).
 */
export function sayFor(guide: Guide, profile: Profile): Say {
  const lang = profileLang(profile);
  const t = guide.t(lang);
  if (!profile.plain || lang !== "fi") return (key, options) => t(key, options);
  return (key, options) => {
    const plain = key.replace(/^bot:/, "selko:");
    return plain !== key && guide.i18n.exists(plain, { lng: "fi" }) ? t(plain, options) : t(key, options);
  };
}
