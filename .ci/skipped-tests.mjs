// Prints every skipped test of a test run with its reason, one line each, from the TRX files in the folder given.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2];
const decode = s => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
let skipped = 0;
for (const file of readdirSync(folder).filter(f => f.endsWith(".trx")).sort()) {
  const xml = readFileSync(join(folder, file), "utf8");
  // Self-closing results first: otherwise a passed `<UnitTestResult ... />` would open a match that runs on to the next
  // result's closing tag and hide it.
  for (const match of xml.matchAll(/<UnitTestResult\b([^>]*?)\/>|<UnitTestResult\b([^>]*)>([\s\S]*?)<\/UnitTestResult>/g)) {
    const attributes = match[1] ?? match[2];
    if (!/outcome="NotExecuted"/.test(attributes)) continue;
    const name = decode(/testName="([^"]*)"/.exec(attributes)?.[1] ?? "?");
    const reason = decode(/<Message>([\s\S]*?)<\/Message>/.exec(match[3] ?? "")?.[1] ?? "no reason given").split("\n")[0].trim();
    console.log(`skipped: ${name}: ${reason}`);
    skipped++;
  }
}
console.log(`${skipped} test(s) skipped`);
