import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { SUGGEST_BELOW } from "../knowledge/guide";
import { tellsLanguage } from "../knowledge/commands";
import type { AskResponse } from "../knowledge/schema";
import { profileLang, understandTurn, type Asker, type DialogDeps, type Profile, type Understanding } from "./deps";
import { GUIDED_DIALOG, GuidedDialog } from "./guidedDialog";
import { InterruptibleDialog } from "./interruptibleDialog";
import { MUNICIPALITY_DIALOG, MunicipalityDialog } from "./municipalityDialog";
import { adoptLanguage, answer } from "./replies";
import { ServiceChoice } from "./serviceChoice";

export const MAIN_DIALOG = "mainDialog";

/** The question waiting for the municipality: the text understood, or the service a button chose. */
interface Pending {
  question?: Understanding;
  service?: string;
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

  private who(profile: Profile): Asker {
    return { lang: profileLang(profile), municipality: profile.municipality, role: profile.role, outside: profile.outside };
  }

  /** Asks where the person lives first when the answer needs it and the service is sure; else answers. */
  private async reply(step: WaterfallStepContext, response: AskResponse, pending: Pending) {
    if (response.needs.includes("municipality") && response.service && response.confidence >= SUGGEST_BELOW) {
      Object.assign(step.values as Pending, pending);
      return step.beginDialog(MUNICIPALITY_DIALOG);
    }
    await answer(this.deps, step.context, response);
    return step.endDialog();
  }

  private async understand(step: WaterfallStepContext) {
    const { context } = step;
    const profile = await this.deps.profile.get(context, {});
    // A service button answers by the id it carries; its label is not read again.
    const choice = ServiceChoice.safeParse(context.activity.value);
    const service = choice.success ? choice.data.service : undefined;
    const chosen = service ? this.deps.answerer.explain(service, this.who(profile)) : undefined;
    if (chosen) {
      profile.lang ??= profileLang(profile);
      await this.deps.profile.set(context, profile);
      return this.reply(step, chosen, { service });
    }
    const understood = understandTurn(this.deps, context);
    if (!understood) return step.endDialog();
    const command = understood.command;
    if (command?.command.type === "guided") {
      if (!profile.langChosen && tellsLanguage(command, profile.lang !== undefined) && command.lang !== profileLang(profile)) await adoptLanguage(this.deps, context, profile, command.lang, false);
      return step.beginDialog(GUIDED_DIALOG);
    }

    const text = understood.text;
    const place = understood.place;
    if (place.municipality) Object.assign(profile, { municipality: place.municipality, outside: false });
    else if (place.outside) Object.assign(profile, { outside: true, municipality: undefined });

    // Follow the person's language unless they chose one; tell the page when it changes.
    // A sentence of a few words in another language switches; a first short message only when the
    // detector is sure, so a word many languages share ("ok", "EURES") keeps the conversation Finnish.
    const detected = understood;
    const written = detected.written;
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
    // The text was read once above; the answerer takes that reading rather than reading it again.
    return this.reply(step, this.deps.answerer.ask(understood, this.who(profile)), { question: understood });
  }

  /** Runs after the municipality question, and after the guided path, which has answered itself. */
  private async answerAfterMunicipality(step: WaterfallStepContext) {
    const { question, service } = step.values as Pending;
    const profile = await this.deps.profile.get(step.context, {});
    const response = service ? this.deps.answerer.explain(service, this.who(profile))
      : question ? this.deps.answerer.ask(question, this.who(profile)) : undefined;
    if (response) await answer(this.deps, step.context, response);
    return step.endDialog();
  }
}
