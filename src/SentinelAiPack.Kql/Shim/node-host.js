// Node.js host for platforms without the V8 native library: loads the same bundle and shim files as the in-process
// engine, then answers one request per stdin line ("<method>\t<requestJson>") with one envelope line on stdout.
// Usage: node node-host.js <kusto folder> [code cache folder]
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const crypto = require("crypto");
const readline = require("readline");

const kustoDir = process.argv[2];
const cacheDir = process.argv[3] || "";

// Compiled-code cache for the large bundle files; each file carries a SHA-256 of its payload so damaged bytes are
// never handed to V8 (they are ignored and rewritten).
function cachePath(name, code) {
    const key = crypto.createHash("sha256").update(process.version + "\n" + name + "\n" + code).digest("hex").slice(0, 24);
    return path.join(cacheDir, "node-" + path.basename(name, ".js") + "-" + key + ".v8cache");
}

function readCache(file) {
    try {
        const bytes = fs.readFileSync(file);
        const payload = bytes.subarray(32);
        return bytes.length > 32 && crypto.createHash("sha256").update(payload).digest().equals(bytes.subarray(0, 32)) ? payload : undefined;
    } catch (e) {
        return undefined;
    }
}

function writeCache(file, payload) {
    const temp = file + "." + process.pid + "." + crypto.randomBytes(4).toString("hex") + ".tmp";
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(temp, Buffer.concat([crypto.createHash("sha256").update(payload).digest(), payload]));
        fs.renameSync(temp, file);
    } catch (e) {
        try { fs.unlinkSync(temp); } catch (ignored) { /* best effort */ }
        return;
    }
    removeStaleSiblings(file);
}

// A new cache file for a script means node or the bundle changed: that script's older files can never be read again.
function removeStaleSiblings(file) {
    const name = path.basename(file);
    const stem = name.slice(0, name.length - "-".length - 24 - ".v8cache".length);
    const sameScript = new RegExp("^" + stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "-[0-9a-f]{24}\\.v8cache$");
    try {
        for (const sibling of fs.readdirSync(path.dirname(file))) {
            if (sibling !== name && sameScript.test(sibling)) {
                try { fs.unlinkSync(path.join(path.dirname(file), sibling)); } catch (ignored) { /* another process */ }
            }
        }
    } catch (ignored) { /* the folder is gone; nothing to clean */ }
}

function load(file) {
    const code = fs.readFileSync(file, "utf8");
    const name = path.basename(file);
    if (!cacheDir || code.length < 100000) {
        vm.runInThisContext(code, { filename: name });
        return;
    }
    const cacheFile = cachePath(name, code);
    const cachedData = readCache(cacheFile);
    const script = new vm.Script(code, { filename: name, cachedData: cachedData });
    script.runInThisContext();
    if (!cachedData || script.cachedDataRejected) {
        // Created after running, so it also holds the functions compiled while the bundle initialized.
        writeCache(cacheFile, script.createCachedData());
    }
}

load(path.join(kustoDir, "bridge.min.js"));
load(path.join(kustoDir, "Kusto.Language.Bridge.min.js"));
const shimDir = path.join(kustoDir, "shim");
fs.readdirSync(shimDir)
    .filter((f) => f.endsWith(".js") && !f.startsWith("node-"))
    .sort()
    .forEach((f) => load(path.join(shimDir, f)));

const out = process.stdout;
out.write(JSON.stringify({ ready: true }) + "\n");

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
input.on("line", (line) => {
    const tab = line.indexOf("\t");
    const envelope = tab < 0
        ? JSON.stringify({ error: "malformed request line" })
        : globalThis.aipack.call(line.slice(0, tab), line.slice(tab + 1));
    out.write(envelope + "\n");
});
input.on("close", () => process.exit(0));
