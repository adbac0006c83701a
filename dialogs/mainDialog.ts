import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { SUGGEST_BELOW } from "../knowledge/guide";
import { tellsLanguage } from "../knowledge/commands";
import { findPlace } from "../knowledge/places";
import type { AskResponse } from "../knowledge/schema";
import { profileLang, type DialogDeps, type Profile } from "./deps";
import { GUIDED_DIALOG, GuidedDialog } from "./guidedDialog";
import { InterruptibleDialog } from "./interruptibleDialog";
import { MUNICIPALITY_DIALOG, MunicipalityDialog } from "./municipalityDialog";
import { adoptLanguage, answer } from "./replies";

export const MAIN_DIALOG = "mainDialog";

/** The question waiting for the municipality. */
interface Pending {
  question?: string;
}

/** Questions shorter than this are not trusted to tell the language: "EURES" is no language. */
const LANGUAGE_SWITCH_MIN_WORDS = 3;
/** How sure the detector must be to take a language from a first message of one or two words. */
const SHORT_TEXT_MIN_CONFIDENCE = 0.7;

/**
 * Free text → answer. A local service with no known municipality asks for it, then answers;
 * low confidence offers suggestions; "show options" starts the guided path.
 */
export class MainDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG, deps);
    this.addDialog(new GuidedDialog(deps));
    this.addDialog(new MunicipalityDialog(deps));
    this.addDialog(new WaterfallDialog("mainWaterfall", [
      (step) => this.understand(step),
      (step) => this.answerAfterMunicipality(step),
    ]));
    this.initialDialogId = "mainWaterfall";
  }

  private ask(text: string, profile: Profile): AskResponse {
    return this.deps.guide.ask(
      { text, lang: profile.lang, municipality: profile.municipality, role: profile.role },
      { outside: profile.outside },
    );
  }

  private async understand(step: WaterfallStepContext) {
    const { context } = step;
    const text = (context.activity.text ?? "").trim();
    if (!text) return step.endDialog();
    const profile = await this.deps.profile.get(context, {});
    const command = this.deps.commands.recognizeWithLanguage(text);
    if (command?.command.type === "guided") {
      if (!profile.langChosen && tellsLanguage(command, profile.lang !== undefined) && command.lang !== profileLang(profile)) await adoptLanguage(this.deps, context, profile, command.lang, false);
      return step.beginDialog(GUIDED_DIALOG);
    }

    const place = findPlace(text);
    if (place.municipality) Object.assign(profile, { municipality: place.municipality, outside: false });
    else if (place.outside) Object.assign(profile, { outside: true, municipality: undefined });

    // Follow the person's language unless they chose one; tell the page when it changes.
    // A sentence of a few words in another language switches; a first short message only when the
    // detector is sure, so a word many languages share ("ok", "EURES") keeps the conversation Finnish.
    const detected = this.deps.guide.detector.detect(text);
    const written = detected.lang;
    const words = text.split(/\s+/).length;
    // One English word ("EURES", "help", "ok") is written by people of every language.
    const shortButClear = profile.lang === undefined && detected.confidence >= SHORT_TEXT_MIN_CONFIDENCE && (words > 1 || written !== "en");
    const switchTo = !profile.langChosen && written !== profileLang(profile) && (words >= LANGUAGE_SWITCH_MIN_WORDS || shortButClear);
    if (switchTo) await adoptLanguage(this.deps, context, profile, written, false);
    else {
      // The first question settles the language (the greeting's Finnish unless it said otherwise).
      profile.lang ??= profileLang(profile);
      await this.deps.profile.set(context, profile);
    }
    const response = this.ask(text, profile);

    // Ask where the person lives only when sure of the service; otherwise show the options first.
    if (response.needs.includes("municipality") && response.service && response.confidence >= SUGGEST_BELOW) {
      (step.values as Pending).question = text;
      return step.beginDialog(MUNICIPALITY_DIALOG);
    }
    await answer(this.deps, context, response);
    return step.endDialog();
  }

  /** Runs after the municipality question, and after the guided path, which has answered itself. */
  private async answerAfterMunicipality(step: WaterfallStepContext) {
    const question = (step.values as Pending).question;
    if (!question) return step.endDialog();
    const profile = await this.deps.profile.get(step.context, {});
    await answer(this.deps, step.context, this.ask(question, profile));
    return step.endDialog();
  }
}
