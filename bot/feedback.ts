import { AsyncLocalStorage } from "node:async_hooks";
import type { FeedbackSink } from "../dialogs/deps";

/** A turn's ballot: whether the conversation has an answer not yet voted on, and whether this turn voted. */
export interface Ballot {
  open: boolean;
  voted: boolean;
}

/** Set by the bot around each turn, read by the counter: the dialogs need not know about it. */
export const ballot = new AsyncLocalStorage<Ballot>();

/** "Was this helpful?" answers, counted only, one vote per answer. */
export class FeedbackCounter implements FeedbackSink {
  yes = 0;
  no = 0;

  constructor(private readonly onVote?: (helpful: boolean) => void) {}

  record(helpful: boolean): void {
    const turn = ballot.getStore();
    // In a turn, a vote counts only if an answer awaits one; outside a turn (tools, tests) every call counts.
    if (turn) {
      if (!turn.open || turn.voted) return;
      turn.voted = true;
    }
    if (helpful) this.yes++;
    else this.no++;
    this.onVote?.(helpful);
  }
}
