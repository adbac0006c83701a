import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { SUGGEST_BELOW } from "../knowledge/guide";
import { findPlace } from "../knowledge/places";
import type { AskResponse } from "../knowledge/schema";
import { type DialogDeps, type Profile } from "./deps";
import { GUIDED_DIALOG, GuidedDialog } from "./guidedDialog";
import { InterruptibleDialog } from "./interruptibleDialog";
import { MUNICIPALITY_DIALOG, MunicipalityDialog } from "./municipalityDialog";
import { languageEvent, sendAnswer } from "./replies";

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
    return this.deps.guide.ask({
      text,
      lang: profile.langChosen ? profile.lang : undefined,
      municipality: profile.municipality,
      role: profile.role,
    });
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
      if (!profile.langChosen && command.lang !== profile.lang) {
        profile.lang = command.lang;
        await this.deps.profile.set(context, profile);
        await context.sendActivity(languageEvent(this.deps.guide, command.lang));
      }
      return step.beginDialog(GUIDED_DIALOG);
    }

    const place = findPlace(text);
    if (place.municipality) Object.assign(profile, { municipality: place.municipality, outside: false });
    else if (place.outside) Object.assign(profile, { outside: true, municipality: undefined });

    let response = this.ask(text, profile);
    // Follow the person's language unless they chose one; tell the page when it changes.
    const detectedNew = !profile.langChosen && response.lang !== profile.lang
      && (text.split(/\s+/).length >= LANGUAGE_SWITCH_MIN_WORDS || profile.lang === undefined);
    if (detectedNew) {
      profile.lang = response.lang;
      await context.sendActivity(languageEvent(this.deps.guide, response.lang));
    } else if (profile.lang && response.lang !== profile.lang) {
      response = this.deps.guide.ask({ text, lang: profile.lang, municipality: profile.municipality, role: profile.role });
    }
    if (profile.outside) response = this.outsideAware(response, profile);
    await this.deps.profile.set(context, profile);

    // Ask where the person lives only when sure of the service; otherwise show the options first.
    if (response.needs.includes("municipality") && response.service && response.confidence >= SUGGEST_BELOW) {
      (step.values as Pending).question = text;
      return step.beginDialog(MUNICIPALITY_DIALOG);
    }
    await sendAnswer(context, this.deps.guide, response);
    return step.endDialog();
  }

  /** A remembered "I live elsewhere" applies to later questions too. */
  private outsideAware(response: AskResponse, profile: Profile): AskResponse {
    if (!response.service) return response;
    return this.deps.guide.explain(response.service.id, { lang: response.lang, role: profile.role, outside: true });
  }

  private async answerAfterMunicipality(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    const question = (step.values as Pending).question ?? "";
    const base = this.ask(question, { ...profile, lang: profile.lang, langChosen: true });
    const response = base.service
      ? this.deps.guide.explain(base.service.id, { lang: base.lang, municipality: profile.municipality, role: profile.role, outside: profile.outside })
      : base;
    await sendAnswer(step.context, this.deps.guide, response);
    return step.endDialog();
  }
}
