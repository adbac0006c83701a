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
