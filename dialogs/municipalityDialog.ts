import { WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from "botbuilder-dialogs";
import { MUNICIPALITY_NAMES } from "../knowledge/places";
import { MUNICIPALITIES, type MunicipalityId } from "../knowledge/schema";
import { profileLang, understandTurn, type DialogDeps } from "./deps";
import { InterruptibleDialog } from "./interruptibleDialog";
import { LocalizedTextPrompt } from "./localizedPrompt";
import { suggestions } from "./replies";

export const MUNICIPALITY_DIALOG = "municipalityDialog";
const PROMPT = "municipalityPrompt";

export type MunicipalityAnswer = MunicipalityId | "outside";

/** Asks where the person lives (or the employer operates) and remembers it for the conversation. */
export class MunicipalityDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(MUNICIPALITY_DIALOG, deps);
    this.addDialog(new LocalizedTextPrompt(PROMPT, deps, (say, lang, retry, options) => {
      const t = deps.strings.t(lang);
      const employer = (options.validations as { employer?: boolean } | undefined)?.employer === true;
      const msg = suggestions([...this.names(), t("bot:otherMunicipality")]);
      msg.text = say(retry ? "bot:didNotUnderstand" : employer ? "bot:askMunicipalityEmployer" : "bot:askMunicipality");
      return msg;
    }, (pc) => this.validate(pc)));
    this.addDialog(new WaterfallDialog("municipalityWaterfall", [
      (step) => this.ask(step),
      (step) => this.remember(step),
    ]));
    this.initialDialogId = "municipalityWaterfall";
  }

  private names(): string[] {
    return MUNICIPALITIES.map((m) => MUNICIPALITY_NAMES[m]);
  }

  private async ask(step: WaterfallStepContext) {
    const employer = (step.options as { employer?: boolean } | undefined)?.employer === true;
    return step.prompt(PROMPT, { validations: { employer } });
  }

  private async validate(pc: PromptValidatorContext<string>): Promise<boolean> {
    const text = pc.recognized.value ?? "";
    const place = understandTurn(this.deps, pc.context)?.place;
    if (place?.municipality || place?.outside) return true;
    const profile = await this.deps.profile.get(pc.context, {});
    return text.trim().toLowerCase() === this.deps.strings.t(profileLang(profile))("bot:otherMunicipality").toLowerCase();
  }

  private async remember(step: WaterfallStepContext) {
    // The prompt's answer is this turn's text, already understood by the validator.
    const answer: MunicipalityAnswer = understandTurn(this.deps, step.context)?.place.municipality ?? "outside";
    const profile = await this.deps.profile.get(step.context, {});
    if (answer === "outside") {
      profile.outside = true;
      delete profile.municipality;
    } else {
      profile.municipality = answer;
      profile.outside = false;
    }
    await this.deps.profile.set(step.context, profile);
    return step.endDialog(answer);
  }
}
