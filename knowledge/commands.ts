import type { i18n } from "i18next";
import { LANGS, type Lang } from "./schema";
import { normalize } from "./text/tokenize";

export type Command =
  | { type: "help" }
  | { type: "restart" }
  | { type: "language"; lang?: Lang }
  | { type: "human" }
  | { type: "guided" };

interface Phrases {
  help: string[];
  restart: string[];
  language: string[];
  human: string[];
  guided: string[];
  switchTo: string[];
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
      add(p.switchTo, { type: "language", lang });
    }
    // Longest phrase first, so "in English please" wins over "English".
    this.table.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  recognize(text: string): Command | undefined {
    return this.recognizeWithLanguage(text)?.command;
  }

  /** The command, and the language its phrase is written in (a first "help" tells the language). */
  recognizeWithLanguage(text: string): { command: Command; lang: Lang } | undefined {
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
