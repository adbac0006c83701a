import { z } from "zod";

/** What a service button posts back: the service's id, never its translated title. */
export const ServiceChoice = z.object({ service: z.string().min(1).max(100) });
export type ServiceChoice = z.infer<typeof ServiceChoice>;
