import { createGuide } from "../knowledge/guide";
import { log } from "./log";
import { createServer } from "./server";
import { wire } from "./wiring";

async function main(): Promise<void> {
  const guide = await createGuide();
  const { mount } = wire(guide);
  const app = createServer({ guide, mount });
  const port = Number(process.env.PORT ?? 3978);
  app.listen(port, () => log("listening", { url: `http://localhost:${port}` }));
}

main().catch((e: unknown) => {
  process.stderr.write(`Reitti could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
