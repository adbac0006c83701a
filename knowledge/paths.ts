import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The project root: the nearest folder above this file that holds package.json (works from dist/ too). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above " + __dirname);
    dir = up;
  }
  return dir;
}

/** The content folder; REITTI_CONTENT_DIR points the command-line tools at a copy (tests, a staging edit). */
export const contentDir = (): string => process.env.REITTI_CONTENT_DIR || join(projectRoot(), "knowledge", "content");
export const localesDir = (): string => join(projectRoot(), "locales");
