// First contentful paint of a page in Debian's headless chromium: a fresh browser profile, 2 warm-up loads,
// then 15 measured loads with the HTTP cache disabled (every load fetches HTML, JS and CSS again); prints the
// median, minimum and maximum from the Paint Timing API.
//   node scripts/fcp.mjs http://127.0.0.1:28080/      (infra/web.sh fcp)
import { chromium } from "playwright-core";

const url = process.argv[2] ?? "http://127.0.0.1:28080/";
const runs = Number(process.env.DT_FCP_RUNS ?? 15);
const browser = await chromium.launch({
  executablePath: process.env.DT_CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

async function fcp() {
  await page.goto(url, { waitUntil: "load" });
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const found = performance.getEntriesByName("first-contentful-paint")[0];
        if (found) return resolve(found.startTime);
        new PerformanceObserver((list) =>
          resolve(list.getEntriesByName("first-contentful-paint")[0].startTime),
        ).observe({
          type: "paint",
          buffered: true,
        });
      }),
  );
}

for (let i = 0; i < 2; i++) await fcp();
const times = [];
for (let i = 0; i < runs; i++) times.push(await fcp());
await browser.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `first contentful paint of ${url}: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (${runs} loads, cache disabled)`,
);
