import { TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from "botbuilder-dialogs";
import { serviceTitle } from "../knowledge/localize";
import { LANGS, ROLES, type Role } from "../knowledge/schema";
import { profileLang, type DialogDeps } from "./deps";
import { InterruptibleDialog } from "./interruptibleDialog";
import { MUNICIPALITY_DIALOG, MunicipalityDialog } from "./municipalityDialog";
import { sendAnswer, suggestions } from "./replies";

export const GUIDED_DIALOG = "guidedDialog";
const ROLE_PROMPT = "rolePrompt";
const NEED_PROMPT = "needPrompt";
const GUIDED_ROLES = ROLES.filter((r): r is Exclude<Role, "advisor"> => r !== "advisor");

/** Who are you → where do you live → what do you need → the answer card. Never asks what it knows. */
export class GuidedDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(GUIDED_DIALOG, deps);
    this.addDialog(new TextPrompt(ROLE_PROMPT, (pc) => this.validateRole(pc)));
    this.addDialog(new TextPrompt(NEED_PROMPT));
    this.addDialog(new MunicipalityDialog(deps));
    this.addDialog(new WaterfallDialog("guidedWaterfall", [
      (step) => this.askRole(step),
      (step) => this.askMunicipality(step),
      (step) => this.askNeed(step),
      (step) => this.answer(step),
    ]));
    this.initialDialogId = "guidedWaterfall";
  }

  private async lang(step: { context: WaterfallStepContext["context"] }) {
    return profileLang(await this.deps.profile.get(step.context, {}));
  }

  /** A role from a button's label in any language. */
  private roleOf(text: string): Role | undefined {
    const wanted = text.trim().toLowerCase();
    for (const lang of LANGS) {
      const t = this.deps.guide.t(lang);
      for (const r of GUIDED_ROLES) if (t(`bot:roles.${r}`).toLowerCase() === wanted) return r;
    }
    return undefined;
  }

  private async validateRole(pc: PromptValidatorContext<string>): Promise<boolean> {
    return this.roleOf(pc.recognized.value ?? "") !== undefined;
  }

  private async askRole(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    if (profile.role) return step.next(profile.role);
    const t = this.deps.guide.t(profileLang(profile));
    const labels = GUIDED_ROLES.map((r) => t(`bot:roles.${r}`));
    const prompt = suggestions(labels);
    prompt.text = t("bot:askRole");
    const retryPrompt = suggestions(labels);
    retryPrompt.text = t("bot:didNotUnderstand");
    return step.prompt(ROLE_PROMPT, { prompt, retryPrompt });
  }

  private async askMunicipality(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    profile.role = typeof step.result === "string" ? this.roleOf(step.result) ?? profile.role : profile.role;
    await this.deps.profile.set(step.context, profile);
    if (profile.municipality || profile.outside) return step.next();
    return step.beginDialog(MUNICIPALITY_DIALOG, { employer: profile.role === "employer" });
  }

  private needs(role: Role | undefined): string[] {
    const table = this.deps.guide.kb.guided;
    return table[role && role !== "advisor" ? role : "resident"] ?? [];
  }

  private async askNeed(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    const lang = profileLang(profile);
    const t = this.deps.guide.t(lang);
    const titles = this.needs(profile.role).map((id) => serviceTitle(this.deps.guide.kb.services.get(id)!, lang));
    const prompt = suggestions(titles);
    prompt.text = t("bot:askNeed");
    return step.prompt(NEED_PROMPT, { prompt });
  }

  private async answer(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    const lang = await this.lang(step);
    const text = String(step.result ?? "");
    const chosen = this.needs(profile.role).find((id) => serviceTitle(this.deps.guide.kb.services.get(id)!, lang) === text);
    const ctx = { lang, municipality: profile.municipality, role: profile.role, outside: profile.outside };
    const response = chosen
      ? this.deps.guide.explain(chosen, ctx)
      : this.deps.guide.ask({ text, lang, municipality: profile.municipality, role: profile.role });
    await sendAnswer(step.context, this.deps.guide, response);
    return step.endDialog();
  }
}
