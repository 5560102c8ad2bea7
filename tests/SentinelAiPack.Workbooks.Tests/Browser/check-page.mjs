// Opens a preview page in Debian's chromium (driven by playwright-core, no downloaded browser), waits for it to
// render, collects console errors, failed or outgoing network requests, and how every tile rendered, saves a
// full-page screenshot, and prints one JSON object on stdout.
// Usage: node check-page.mjs PAGE.html SCREENSHOT.png
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [, , pagePath, screenshotPath] = process.argv;
const executablePath = process.env.AIPACK_CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const result = { errors: [], requests: [], tiles: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on("console", (message) => { if (message.type() === "error") result.errors.push("console: " + message.text()); });
  page.on("pageerror", (error) => result.errors.push("page error: " + String(error)));
  page.on("requestfailed", (request) => result.errors.push("request failed: " + request.url()));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("file:") && !url.startsWith("data:")) { result.requests.push(url); }
  });
  await page.goto(pathToFileURL(pagePath).href, { waitUntil: "load" });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  result.tiles = await page.$$eval(".tile[data-kind]", (tiles) => tiles.map((tile) => {
    const canvas = tile.querySelector("canvas");
    let paintedPixels = 0;
    if (canvas) {
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { paintedPixels++; } }
    }
    return {
      name: tile.getAttribute("data-tile"),
      kind: tile.getAttribute("data-kind"),
      rendered: tile.getAttribute("data-rendered"),
      emptyAllowed: tile.getAttribute("data-empty-allowed") === "true",
      rows: tile.querySelectorAll("tbody tr").length,
      cards: tile.querySelectorAll(".card").length,
      paintedPixels,
    };
  }));
  result.injected = await page.evaluate(() => window.__aipackInjected === true || document.querySelector("[data-injected]") !== null);
  await page.screenshot({ path: screenshotPath, fullPage: true });
} catch (error) {
  result.errors.push("harness: " + String(error));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
