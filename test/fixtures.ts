import { createGuide, type Guide } from "../knowledge/guide";

let shared: Promise<Guide> | undefined;

/** One guide for the whole test run: building the index and loading CLD3 takes a moment. */
export function sharedGuide(): Promise<Guide> {
  process.env.REITTI_QUIET = "1";
  shared ??= createGuide();
  return shared;
}
