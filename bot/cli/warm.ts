// npm run build ends here: loads the guide once so its start-up snapshots (dist/cache/) exist
// before the first `npm start` or `ask`.
import { createGuide } from "../../knowledge/guide";

process.env.REITTI_QUIET = "1";
createGuide().then(
  () => process.exit(0),
  (e: unknown) => {
    // Broken content is reported by `npm run validate`; the build itself still succeeds.
    process.stderr.write(`warm-up skipped: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    process.exit(0);
  },
);
