import type { i18n } from "i18next";
import { LANGS, type Lang } from "./schema";
import { normalize } from "./text/tokenize";

export type Command =
  | { type: "help" }
  | { type: "restart" }
  | { type: "language"; lang?: Lang; plain?: boolean }
  | { type: "human" }
  | { type: "guided" }
  | { type: "thanks" };

interface Phrases {
  help: string[];
  restart: string[];
  language: string[];
  human: string[];
  guided: string[];
  switchTo: string[];
  thanks: string[];
  /** Phrases that choose plain Finnish (selkosuomi); only locales/fi has them. */
  plainFinnish: string[];
}

export interface RecognizedCommand {
  command: Command;
  lang: Lang;
  /** No other language has this phrase. */
  unique: boolean;
  words: number;
}

/**
 * Whether a command's phrase is reason enough to speak its language. In a conversation whose
 * language is settled, only a phrase of several words ("in English please", "puhu ihmiselle").
 * At the start, also one word of a language's own ("apua", "hjälp", "помощь"), but not one English
 * word: "help", "ok", "thanks" are written by people of every language.
 */
export function tellsLanguage(found: RecognizedCommand, settled: boolean): boolean {
  if (!found.unique) return false;
  if (found.words > 1) return true;
  return !settled && found.lang !== "en";
}

const clean = (s: string) => normalize(s).replace(/[^\p{L}\p{N} ]+/gu, " ").replace(/\s+/g, " ").trim();

/**
 * Commands that work at any point of a conversation ("apua", "alusta", "vaihda kieli",
 * "in English please", "puhu ihmiselle"), in any of the twelve languages whatever the
 * conversation's language: people switch language precisely because they are lost.
 */
export class CommandRecognizer {
  private readonly table: Array<{ phrase: string; command: Command; lang: Lang }> = [];

  constructor(i18: i18n) {
    for (const lang of LANGS) {
      const p = i18.getResource(lang, "commands", "") as Partial<Phrases> | undefined;
      if (!p) continue;
      const add = (list: string[] | undefined, command: Command) => list?.forEach((phrase) => this.table.push({ phrase: clean(phrase), command, lang }));
      add(p.help, { type: "help" });
      add(p.restart, { type: "restart" });
      add(p.language, { type: "language" });
      add(p.human, { type: "human" });
      add(p.guided, { type: "guided" });
      add(p.thanks, { type: "thanks" });
      add(p.switchTo, { type: "language", lang });
      add(p.plainFinnish, { type: "language", lang, plain: true });
    }
    // Longest phrase first, so "in English please" wins over "English".
    this.table.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  recognize(text: string): Command | undefined {
    return this.recognizeWithLanguage(text)?.command;
  }

  /**
   * The command, the language its phrase is written in, and how clearly that phrase tells the
   * language (see tellsLanguage).
   */
  recognizeWithLanguage(text: string): RecognizedCommand | undefined {
    const found = this.find(text);
    if (!found) return undefined;
    const unique = !this.table.some((e) => e.phrase === found.phrase && e.lang !== found.lang);
    return { command: found.command, lang: found.lang, unique, words: found.phrase.split(" ").length };
  }

  private find(text: string): { phrase: string; command: Command; lang: Lang } | undefined {
    const t = clean(text);
    if (!t) return undefined;
    const wordCount = t.split(" ").length;
    for (const entry of this.table) {
      if (t === entry.phrase) return entry;
      // A short message containing a phrase of several words: "in english please". One-word
      // phrases must stand alone, or "language course" would switch the language.
      if (wordCount <= 4 && entry.phrase.includes(" ") && ` ${t} `.includes(` ${entry.phrase} `)) return entry;
    }
    return undefined;
  }
}
