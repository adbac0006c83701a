import { ConversationState, MemoryStorage, type Activity } from "botbuilder";
import { DialogTestClient } from "botbuilder-testing";
import { CommandRecognizer } from "../../knowledge/commands";
import type { Guide } from "../../knowledge/guide";
import { dialogParts } from "../../bot/dialogParts";
import type { DialogDeps, Profile } from "../../dialogs/deps";
import { MainDialog } from "../../dialogs/mainDialog";

export interface Conversation {
  say(text: string): Promise<string[]>;
  /** The replies as activities, for what only a channel sees (attachments, locale). */
  sayRaw(text: string): Promise<Array<Partial<Activity>>>;
  sayValue(value: unknown): Promise<string[]>;
  feedback: { yes: number; no: number };
}

/** Everything a person would see of one reply: text, card text, button labels. */
function visible(a: Partial<Activity>): string {
  const parts: string[] = [];
  if (a.text) parts.push(a.text);
  for (const att of a.attachments ?? []) {
    const body = (att.content as { body?: Array<{ text?: string }> } | undefined)?.body ?? [];
    for (const b of body) if (b.text) parts.push(b.text);
  }
  for (const s of a.suggestedActions?.actions ?? []) parts.push(`[${s.title}]`);
  if (a.type === "event") parts.push(`<event ${a.name} ${JSON.stringify(a.value)}>`);
  return parts.join("\n");
}

/**
 * The main dialog behind botbuilder-testing's DialogTestClient, with real knowledge and strings;
 * `stub` replaces parts of the dialogs' dependencies (e.g. the answerer) to test a seam.
 */
export function conversation(guide: Guide, channelId = "test", stub: Partial<Pick<DialogDeps, "recogniser" | "answerer">> = {}): Conversation {
  const state = new ConversationState(new MemoryStorage());
  const feedback = { yes: 0, no: 0, record(h: boolean) { if (h) this.yes++; else this.no++; } };
  const deps: DialogDeps = {
    ...dialogParts(guide, new CommandRecognizer(guide.i18n)), ...stub, profile: state.createProperty<Profile>("profile"), feedback,
  };
  const client = new DialogTestClient(channelId, new MainDialog(deps), undefined, [], state);
  const collect = async (first: Partial<Activity> | undefined): Promise<string[]> => {
    const out: string[] = [];
    let r = first;
    while (r) {
      out.push(visible(r));
      r = client.getNextReply();
    }
    return out;
  };
  const raw = async (text: string) => {
    const out: Array<Partial<Activity>> = [];
    for (let r: Partial<Activity> | undefined = await client.sendActivity(text); r; r = client.getNextReply()) out.push(r);
    return out;
  };
  return {
    say: async (text) => collect(await client.sendActivity(text)),
    sayRaw: raw,
    sayValue: async (value) => collect(await client.sendActivity({ type: "message", text: "", value })),
    feedback,
  };
}
