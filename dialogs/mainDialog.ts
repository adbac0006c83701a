import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { SUGGEST_BELOW } from "../knowledge/guide";
import { findPlace } from "../knowledge/places";
import type { AskResponse } from "../knowledge/schema";
import { type DialogDeps, type Profile } from "./deps";
import { GUIDED_DIALOG, GuidedDialog } from "./guidedDialog";
import { InterruptibleDialog } from "./interruptibleDialog";
import { MUNICIPALITY_DIALOG, MunicipalityDialog } from "./municipalityDialog";
import { adoptLanguage, sendAnswer } from "./replies";

export const MAIN_DIALOG = "mainDialog";

/** The question waiting for the municipality. */
interface Pending {
  question?: string;
}

/** Questions shorter than this are not trusted to tell the language: "EURES" is no language. */
const LANGUAGE_SWITCH_MIN_WORDS = 3;

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
    const value = context.activity.value as { feedback?: string } | undefined;
    if (value?.feedback === "yes" || value?.feedback === "no") {
      this.deps.feedback.record(value.feedback === "yes");
      const profile = await this.deps.profile.get(context, {});
      await context.sendActivity(this.deps.guide.t(profile.lang ?? "fi")("bot:feedbackThanks"));
      return step.endDialog();
    }
    const text = (context.activity.text ?? "").trim();
    if (!text) return step.endDialog();
    const profile = await this.deps.profile.get(context, {});
    const command = this.deps.commands.recognizeWithLanguage(text);
    if (command?.command.type === "guided") {
      if (!profile.langChosen && command.lang !== profile.lang) await adoptLanguage(this.deps, context, profile, command.lang, false);
      return step.beginDialog(GUIDED_DIALOG);
    }

    const place = findPlace(text);
    if (place.municipality) Object.assign(profile, { municipality: place.municipality, outside: false });
    else if (place.outside) Object.assign(profile, { outside: true, municipality: undefined });

    // Follow the person's language unless they chose one; tell the page when it changes.
    const written = this.deps.guide.detector.detect(text).lang;
    const switchTo = !profile.langChosen && written !== profile.lang
      && (text.split(/\s+/).length >= LANGUAGE_SWITCH_MIN_WORDS || profile.lang === undefined);
    if (switchTo) await adoptLanguage(this.deps, context, profile, written, false);
    else await this.deps.profile.set(context, profile);
    const response = this.ask(text, profile);

    // Ask where the person lives only when sure of the service; otherwise show the options first.
    if (response.needs.includes("municipality") && response.service && response.confidence >= SUGGEST_BELOW) {
      (step.values as Pending).question = text;
      return step.beginDialog(MUNICIPALITY_DIALOG);
    }
    await sendAnswer(context, this.deps.guide, response);
    return step.endDialog();
  }

  private async answerAfterMunicipality(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    const question = (step.values as Pending).question ?? "";
    await sendAnswer(step.context, this.deps.guide, this.ask(question, profile));
    return step.endDialog();
  }
}
