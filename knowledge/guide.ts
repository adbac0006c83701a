import type { i18n } from "i18next";
import { answerText, buildAnswer, channelRef, serviceOption } from "./answer";
import { createI18n, translator, type Translate } from "./i18n";
import { loadCld3, LanguageDetector } from "./lang/detect";
import { languageVocabulary } from "./lang/vocabulary";
import { loadKnowledge, type Knowledge, type Service } from "./load";
import { targetName } from "./localize";
import { RENDER, UNDERSTANDING as U } from "./config";
import { BoundedMemo } from "./memo";
import { snapshot, snapshotKey } from "./snapshot";
import { readPerson, type Person } from "./person";
import { findPlace, isPlaceWord, MUNICIPALITY_NAMES, type PlaceMention } from "./places";
import { ExampleClassifier } from "./understand/classifier";
import { recognise } from "./understand/recognizer";
import { maskPlaces, trainingExamples } from "./understand/training";
import { route, targetId, type Route, type Target } from "./route";
import { langBit, LANGS, type Answer, type AskRequest, type AskResponse, type ChannelRef, type Lang, type MunicipalityId, type Role, type SmallTalk } from "./schema";
import { ServiceIndex, type SearchResult } from "./search";
import { TextAnalyzer } from "./text/analyzer";
import { FinnishTerms } from "./text/finnish";
import { STOPWORDS } from "./text/stopwords";
import { words } from "./text/tokenize";

export const SUGGEST_BELOW = U.suggestBelow;
export const GUESS_FLOOR = U.guessFloor;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

const GREETING = /^(hei|moi|moikka|terve|hello|hi|hey|hej|hejsan|tere|привет|здравствуйте|вітаю|привіт|مرحبا|سلام|salaan|nabad|你好|xin chào|chào|merhaba|selam)[!. ]*$/u;

export interface AnswerContext {
  lang: Lang;
  municipality?: MunicipalityId;
  role?: Role;
  outside?: boolean;
  company?: MunicipalityId;
  companyOutside?: boolean;
  foreignLanguage?: boolean;
  movingHere?: boolean;
  /** Channel ids the person named in the message. */
  named?: readonly string[];
}

/** A text read once: the language it is written in (and how sure), and the place it names. */
export interface Reading {
  text: string;
  written: Lang;
  confidence: number;
  place: PlaceMention;
}

export interface Guide {
  readonly kb: Knowledge;
  readonly i18n: i18n;
  readonly index: ServiceIndex;
  readonly detector: LanguageDetector;
  readonly classifier: ExampleClassifier;
  /** Reads a text's language and place; ask() takes the reading so a turn's text is read once. */
  read(text: string): Reading;
  /**
   * `known.outside`: the conversation already knows the person lives outside the area;
   * `known.reading`: the text already read (used when it is of this very text).
   */
  ask(req: AskRequest, known?: { outside?: boolean; reading?: Reading }): AskResponse;
  /** The answer for a service chosen by id (a button), routed for this person. */
  explain(serviceId: string, ctx: AnswerContext): AskResponse;
  /** Channel reference for a routing target, in a language. */
  channelRef(target: Target, lang: Lang): ChannelRef;
  routeFor(service: Service, ctx: AnswerContext): Route;
  t(lang: Lang): Translate;
}

/** Builds everything once: knowledge, analyzers, index, language detector, strings. */
export async function createGuide(): Promise<Guide> {
  const kb = loadKnowledge();
  const i18 = createI18n();
  const finnish = FinnishTerms.create();
  const analyzer = new TextAnalyzer(finnish);
  const localeVocabulary = Object.fromEntries(
    (i18.options.supportedLngs || []).filter((l): l is Lang => l !== "cimode").map((l) => [l, collectStrings(i18.getDataByLanguage(l))]),
  );
  const index = new ServiceIndex([...kb.services.values()], analyzer, kb.fingerprint);
  const guesser = await loadCld3();
  const borrowed = new Set<string>();
  for (const s of kb.services.values()) {
    for (const name of [s.title.fi, ...s.liite1]) for (const w of words(name)) if (w.length >= 6) borrowed.add(w);
  }
  const isBorrowed = (w: string) => borrowed.has(w) || finnish.analyze(w).terms.some((b) => borrowed.has(b));
  const vocabularyKey = snapshotKey(kb.fingerprint, JSON.stringify(localeVocabulary));
  // Each word's languages as bits (LANGS order): a snapshot of two plain lists, read back without building sets.
  const vocabulary = snapshot("vocabulary", vocabularyKey, () => languageMasks(languageVocabulary(kb.services.values(), localeVocabulary)),
    (v) => Buffer.from(JSON.stringify([[...v.keys()], [...v.values()]])),
    (b) => {
      const [ws, masks] = JSON.parse(b.toString("utf8")) as [string[], number[]];
      return new Map(ws.map((w, i) => [w, masks[i]]));
    });
  const detector = new LanguageDetector(guesser, vocabulary, (w) => finnish.analyze(w).recognised, isBorrowed);
  // The examples, the services and places.yaml are all content: its fingerprint covers them.
  const trainingKey = snapshotKey("training", kb.fingerprint);
  const classifier = new ExampleClassifier(
    snapshot("classifier", trainingKey, () => ExampleClassifier.train(trainingExamples(kb, isPlaceWord)), ExampleClassifier.encode, ExampleClassifier.decode),
    U.classifier,
  );
  // A word some language knows: a stopword, the catalogue's or the strings' own, or Finnish morphology.
  const knownWord = (w: string) => vocabulary.has(w) || LANGS.some((l) => STOPWORDS[l].has(w)) || (w.length > 2 && finnish.analyze(w).recognised);
  return new GuideImpl(kb, i18, index, detector, classifier, knownWord);
}

function languageMasks(v: Map<string, Set<Lang>>): Map<string, number> {
  return new Map([...v].map(([w, ls]) => [w, [...ls].reduce((m, l) => m | langBit(l), 0)]));
}

function collectStrings(data: unknown): string[] {
  if (typeof data === "string") return [data];
  if (data && typeof data === "object") return Object.values(data).flatMap(collectStrings);
  return [];
}

class GuideImpl implements Guide {
  constructor(
    readonly kb: Knowledge, readonly i18n: i18n, readonly index: ServiceIndex,
    readonly detector: LanguageDetector, readonly classifier: ExampleClassifier,
    private readonly knownWord: (w: string) => boolean,
  ) {}

  t(lang: Lang): Translate {
    return translator(this.i18n, lang);
  }

  channelRef(target: Target, lang: Lang): ChannelRef {
    return channelRef(target, lang, this.t(lang));
  }

  read(text: string): Reading {
    const trimmed = text.trim();
    const detected = this.detector.detect(trimmed);
    return { text: trimmed, written: detected.lang, confidence: detected.confidence, place: findPlace(trimmed) };
  }

  routeFor(service: Service, ctx: AnswerContext): Route {
    return route(this.kb, service, { ...ctx, outside: ctx.outside ?? false });
  }

  /** 0..1 from how much of the question the best service explains and how clearly it beats the next. */
  private confidence(r: SearchResult): number {
    const [a, b] = r.hits;
    if (!a) return 0;
    const strength = 1 - Math.exp(-a.score / 8);
    const margin = b ? (a.score - b.score) / a.score : 1;
    const measured = r.coverage * (0.55 + 0.45 * strength) * (0.5 + 0.5 * margin);
    // Naming a service outright is strong evidence, whatever else the message says
    // ("velvoitetyöllistäminen, täytän 60 ens kuussa") — unless the runner-up is named as well.
    const floor = a.named && !(b?.named && b.named === a.named) ? (a.named === "title" ? 0.7 : 0.5) : 0;
    return Math.max(0, Math.min(1, Math.max(measured, floor)));
  }

  ask(req: AskRequest, known: { outside?: boolean; reading?: Reading } = {}): AskResponse {
    const text = req.text.trim();
    // Understand the text in the language it is written in; answer in the one asked for.
    const reading = known.reading?.text === text ? known.reading : this.read(text);
    const written = reading.written;
    const lang: Lang = req.lang ?? written;
    const t = this.t(lang);
    const person = readPerson({
      text, written, place: reading.place, role: req.role, municipality: req.municipality, knownOutside: known.outside,
    });
    const ctx: AnswerContext = {
      lang, municipality: person.home, role: person.role, outside: person.outside, company: person.company,
      companyOutside: person.companyOutside, foreignLanguage: person.foreignLanguage, movingHere: person.movingHere,
      named: person.named,
    };
    const result = this.index.search(text, written, isPlaceWord);
    const base = { lang, alternatives: [], citations: [], needs: [], suggestions: [], details: null };
    const reply = (answer: string, outOfScope = false) => ({ ...base, outOfScope, service: null, channel: null, answer, confidence: 0 });

    const ws = words(text);
    if (ws.length > 0 && ws.every((w) => GREETING.test(w) || isPlaceWord(w)) && ws.some((w) => GREETING.test(w))) {
      return reply(person.home || person.outside ? this.smallTalk("lives-in", person, lang) : t("answer:greeting"));
    }
    // Services only for immigrants are less likely when nothing says the person is one.
    const prior = (id: string) => (this.kb.services.get(id)?.client === "immigrant" && !person.foreignLanguage ? U.immigrantOnlyPrior : 1);
    const heard = recognise(this.classifier, maskPlaces(text, isPlaceWord), result, this.confidence(result), prior);
    if (heard.type === "smalltalk") return reply(this.smallTalk(heard.intent, person, lang));

    const confidence = heard.confidence;
    const suggested = () => heard.ranked.slice(0, 3).map((h) => serviceOption(this.kb.services.get(h.id)!, lang));
    const inDomain = this.kb.domain.matches(text) || result.hits[0]?.named === "title" || heard.exampleScore >= U.exampleInDomain
      || (heard.agree && heard.exampleScore >= U.agreeInDomain);
    if (!inDomain && confidence < U.outOfDomainBelow) {
      // Words no language knows and no example resembles: not a question about something else, just unreadable.
      if (result.hits.length === 0 && !ws.some(this.knownWord)) return reply(t("answer:smalltalk.gibberish"));
      return reply(t("answer:outOfScope"), true);
    }
    if (confidence < GUESS_FLOOR) {
      const suggestions = suggested();
      const general = this.kb.services.get("employment-advice")!;
      const r = this.routeFor(general, ctx);
      return {
        ...base, outOfScope: false, service: null,
        channel: this.channelRef(r.target, lang),
        answer: [t("answer:unsure"), ...suggestions.map((s) => `• ${s.title}`), t("answer:notRecognised", { channel: targetName(r.target, lang, t) })].join("\n"),
        confidence: round3(confidence), suggestions, needs: r.needs,
      };
    }
    const service = this.kb.services.get(heard.ranked[0].id)!;
    const offered = confidence < SUGGEST_BELOW ? suggested().filter((s) => s.id !== service.id) : [];
    return this.respond(service, ctx, confidence, offered);
  }

  /** A reply to small talk; "I live in X" is remembered by the caller and answered with a question. */
  private smallTalk(intent: SmallTalk, person: Person, lang: Lang): string {
    const t = this.t(lang);
    if (intent === "greeting") return t("answer:greeting");
    if (intent === "lives-in") {
      if (person.home) return t("answer:smalltalk.livesIn", { place: MUNICIPALITY_NAMES[person.home] });
      if (person.outside) return t("answer:smalltalk.livesOutside");
      return t("answer:smalltalk.deny");
    }
    return t(`answer:smalltalk.${intent}`);
  }

  explain(serviceId: string, ctx: AnswerContext): AskResponse {
    const service = this.kb.services.get(serviceId);
    if (!service) throw new Error(`unknown service ${serviceId}`);
    return this.respond(service, ctx, 1, []);
  }

  private readonly rendered = new BoundedMemo<{ details: Answer; text: string }>(RENDER.answerMemoBytes, (v, k) => 2 * k.length + 6 * v.text.length + 512);

  /** Every rendering of a service answer (text, API, card) comes from the one structured answer. */
  private respond(service: Service, ctx: AnswerContext, confidence: number, offered: AskResponse["suggestions"]): AskResponse {
    const { lang } = ctx;
    const route = this.routeFor(service, ctx);
    // Everything the rendering reads: many different questions share one.
    const key = [service.id, lang, route.reason, targetId(route.target), route.needs.join(), route.alternatives.map(targetId).join(), offered.map((o) => o.id).join()].join("|");
    let r = this.rendered.get(key);
    if (!r) {
      const t = this.t(lang);
      const details = buildAnswer(this.kb, service, route, lang, t, offered);
      r = { details, text: answerText(details, t) };
      this.rendered.set(key, r);
    }
    const { details, text } = r;
    return {
      lang,
      outOfScope: false,
      service: { id: service.id, title: serviceOption(service, lang).title, delivery: service.delivery, sections: service.sections },
      channel: details.channel,
      alternatives: details.alternatives,
      answer: text,
      confidence: round3(confidence),
      citations: details.citations.map((c) => c.id),
      needs: details.route.needs,
      suggestions: offered,
      details,
    };
  }
}
