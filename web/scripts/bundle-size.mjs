// The learner path's JavaScript, gzipped: every chunk index.html loads or may load (its static and dynamic
// imports), except the admin screens (src/admin/, a chunk of their own). Fails above the budget.
//   node scripts/bundle-size.mjs [dist]     (infra/web.sh size)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 250;
const dist = process.argv[2] ?? new URL("../dist", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));
const isAdmin = (key) => key.startsWith("src/admin/");

function closure(start, skip) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || skip(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(start);
  return seen;
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const learner = closure("index.html", isAdmin);
const everything = closure("index.html", () => false);
const sum = (keys) =>
  [...keys].filter((k) => manifest[k].file.endsWith(".js")).reduce((n, k) => n + gzipKb(manifest[k].file), 0);
const css = new Set([...learner].flatMap((k) => manifest[k].css ?? []));

const learnerKb = sum(learner);
const adminKb = sum([...everything].filter((k) => !learner.has(k)));
const cssKb = [...css].reduce((n, f) => n + gzipKb(f), 0);
console.log(`learner path JavaScript: ${learnerKb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
console.log(`admin chunks (loaded only by admins): ${adminKb.toFixed(1)} KB gzipped`);
console.log(`stylesheet: ${cssKb.toFixed(1)} KB gzipped`);
if (learnerKb > BUDGET_KB) {
  console.error(`error: the learner path's JavaScript is over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
