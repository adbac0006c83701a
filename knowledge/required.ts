import type { ChannelKind } from "./schema";

/**
 * Content the code names by id. Loading fails, naming the missing file, when one is gone or
 * has the wrong kind: a deleted channel must stop `npm run validate`, not a question later.
 * A test keeps this list in step with the ids written in the code.
 */
export const REQUIRED_CHANNELS: Readonly<Record<string, ChannelKind>> = {
  businessasema: "businessasema",
  "businessoulu-phone": "businessasema",
  "international-house-oulu": "international-house",
  tyomarkkinatori: "state",
  pohde: "welfare-region",
  "other-employment-area": "other-area",
};

export const REQUIRED_SERVICES: readonly string[] = ["employment-advice"];
