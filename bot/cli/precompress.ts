// Part of `npm run build`: brotli and gzip copies of the Web Chat bundle in dist/web/, made once
// per installed version (the server sends them as they are).
import { webChatBundlePath } from "../webRoutes";
import { precompress } from "../webAssets";

const t = performance.now();
const { fresh } = precompress(webChatBundlePath());
if (fresh) process.stdout.write(`web chat bundle compressed in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
