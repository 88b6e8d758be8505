// axe-core in real headless Chromium over several HTML files at several widths, one browser.
//   node tests/axe/run_axe.mjs --widths 1280,390 build/a.html build/b.html
// Prints one JSON array on stdout: [{file, width, violations: [{id, impact, help, helpUrl,
// nodes: [{target, html, summary}]}]}], the rules being WCAG 2.0/2.1 A and AA and axe's
// best-practice set. Exit 0 whatever axe finds (the Python test judges); exit 2 on bad use.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function parse(argv) {
  const files = [];
  let widths = [1280, 390];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--widths") widths = argv[++i].split(",").map(Number);
    else files.push(resolve(argv[i]));
  }
  if (!files.length || widths.some((w) => !Number.isInteger(w) || w <= 0)) {
    process.stderr.write("usage: run_axe.mjs [--widths 1280,390] FILE.html...\n");
    process.exit(2);
  }
  return { files, widths };
}

async function check(browser, file, width) {
  // The page forbids scripts by its Content-Security-Policy; the test's own script (axe) is
  // let in by bypassing CSP for this context only. The page itself still runs no script.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
    }));
  }, TAGS);
  await context.close();
  return { file, width, violations: result };
}

const { files, widths } = parse(process.argv.slice(2));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const results = [];
  for (const file of files) for (const width of widths) results.push(await check(browser, file, width));
  process.stdout.write(JSON.stringify(results, null, 1) + "\n");
} finally {
  await browser.close();
}
