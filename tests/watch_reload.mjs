// The preview's reload in real headless Chromium (tests/test_watch.py):
//   node tests/watch_reload.mjs http://127.0.0.1:PORT/
// Opens the page, prints "loaded", waits until the page reloads itself (the test saves a
// file meanwhile), then prints one JSON line: {console: [...], text: the new page's text}.
// A script the page's policy refused would show as a console error.
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const page = await browser.newPage();
  const said = [];
  page.on("console", (m) => said.push(`${m.type()}: ${m.text()}`));
  await page.goto(process.argv[2], { waitUntil: "load" });
  process.stdout.write("loaded\n");
  await page.waitForEvent("load", { timeout: 90000 });
  const text = await page.evaluate(() => document.body.innerText);
  process.stdout.write(JSON.stringify({ console: said, text }) + "\n");
} finally {
  await browser.close();
}
