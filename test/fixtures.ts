import assert from "node:assert/strict";
import { createGuide, type Guide } from "../knowledge/guide";
import type { Service } from "../knowledge/load";

let shared: Promise<Guide> | undefined;

/** One guide for the whole test run: building the index and loading CLD3 takes a moment. */
export function sharedGuide(): Promise<Guide> {
  process.env.REITTI_QUIET = "1";
  shared ??= createGuide();
  return shared;
}

/** A service of the content by id; a missing one fails the test that asked for it. */
export function serviceOf(guide: Guide, id: string): Service {
  const s = guide.kb.services.get(id);
  assert.ok(s, `service ${id} exists`);
  return s;
}
