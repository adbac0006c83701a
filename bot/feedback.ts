import type { FeedbackSink } from "../dialogs/deps";

/** "Was this helpful?" answers, counted only. */
export class FeedbackCounter implements FeedbackSink {
  yes = 0;
  no = 0;
  record(helpful: boolean): void {
    if (helpful) this.yes++;
    else this.no++;
  }
}
