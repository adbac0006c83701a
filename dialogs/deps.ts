import type { StatePropertyAccessor, TurnContext } from "botbuilder";
import type { RecognizedCommand } from "../knowledge/commands";
import type { Reading } from "../knowledge/guide";
import type { Translate } from "../knowledge/i18n";
import type { People } from "../knowledge/reach";
import type { AskResponse, Lang, MunicipalityId, Role, ServiceOption } from "../knowledge/schema";

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

/** One turn's text understood: its language and how sure, the place it names, the command it is. */
export interface Understanding extends Reading {
  command?: RecognizedCommand;
}

/** Understands a turn's text (the dialogs' recognizer, as core-bot injects its recognizer). */
export interface Recogniser {
  understand(text: string): Understanding;
}

/** Who is asking, as far as the conversation knows. */
export interface Asker {
  lang: Lang;
  municipality?: MunicipalityId;
  role?: Role;
  outside?: boolean;
}

/** Answers questions and offers services; the dialogs see no knowledge base. */
export interface Answerer {
  /** The answer to a text already understood (not read again). */
  ask(understood: Understanding, who: Partial<Asker>): AskResponse;
  /** The answer for a service chosen by id (a button); undefined for an id no service has. */
  explain(serviceId: string, who: Asker): AskResponse | undefined;
  /** Services close to one, for "related services" after "not helpful". */
  related(serviceId: string, lang: Lang): ServiceOption[];
  /** The guided path's needs for a kind of person, as buttons. */
  guidedOptions(role: Role | undefined, lang: Lang): ServiceOption[];
  /** The guided need a typed label names, in any language: the question may predate a language change. */
  guidedNamed(role: Role | undefined, text: string): string | undefined;
  /** Where a person can talk to a person, with every sourced contact fact. */
  people(where: { municipality?: MunicipalityId; outside?: boolean }, lang: Lang): People;
}

/** The bot's strings (locales/<lang>/*.json). */
export interface Strings {
  t(lang: Lang): Translate;
  has(key: string, lang: Lang): boolean;
}

export interface DialogDeps {
  recogniser: Recogniser;
  answerer: Answerer;
  strings: Strings;
  profile: StatePropertyAccessor<Profile>;
  feedback: FeedbackSink;
}

const UNDERSTOOD = Symbol("understood");

/**
 * This turn's text, understood once however many dialogs look at it; undefined for a turn with
 * no text (a button's value, an event).
 */
export function understandTurn(deps: DialogDeps, context: TurnContext): Understanding | undefined {
  const text = context.activity.type === "message" ? (context.activity.text ?? "").trim() : "";
  if (!text) return undefined;
  const cached = context.turnState.get(UNDERSTOOD) as Understanding | undefined;
  if (cached?.text === text) return cached;
  const understood = deps.recogniser.understand(text);
  context.turnState.set(UNDERSTOOD, understood);
  return understood;
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
export function sayFor(strings: Strings, profile: Profile): Say {
  const lang = profileLang(profile);
  const t = strings.t(lang);
  if (!profile.plain || lang !== "fi") return (key, options) => t(key, options);
  return (key, options) => {
    const plain = key.replace(/^bot:/, "selko:");
    return plain !== key && strings.has(plain, "fi") ? t(plain, options) : t(key, options);
  };
}
