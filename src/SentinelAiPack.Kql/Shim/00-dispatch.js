// Dispatcher shared by every host (in-process V8 and the node subprocess).
// Each shim file registers handlers; the host calls aipack.call(method, requestJson) and gets JSON back.
(function (g) {
    "use strict";
    var aipack = g.aipack || (g.aipack = { handlers: {} });
    aipack.call = function (method, requestJson) {
        var handler = aipack.handlers[method];
        if (!handler) {
            return JSON.stringify({ error: "unknown method '" + method + "'" });
        }
        try {
            return JSON.stringify({ result: handler(JSON.parse(requestJson)) });
        } catch (e) {
            var message = (e && (e.message || (e.toString && e.toString()))) || String(e);
            return JSON.stringify({ error: message });
        }
    };
    aipack.handlers.ping = function (req) { return { pong: req && req.value }; };

    // Registered schema sets (GlobalState with databases/functions) by fingerprint; filled by the schema shim.
    aipack.states = aipack.states || {};
    // The analyzer's GlobalState cache keeps what it learned about every function call and table it has seen (ASIM
    // parsers expand into large unions): on ~2,400 real queries it grew one engine's heap from 140 to 400 MB. A fresh
    // cache every aipack.queriesPerCache queries bounds that; 0 keeps one cache for the engine's life.
    aipack.queriesPerCache = 256;
    aipack.cacheUses = aipack.cacheUses || {};
    aipack.globalsFor = function (schemaKey) {
        if (!schemaKey) {
            return Kusto.Language.GlobalState.Default;
        }
        var entry = aipack.states[schemaKey];
        if (!entry) {
            throw new Error("schema set '" + schemaKey + "' is not registered in this engine");
        }
        var uses = (aipack.cacheUses[schemaKey] || 0) + 1;
        if (aipack.queriesPerCache > 0 && uses > aipack.queriesPerCache) {
            entry.state = entry.fresh();
            uses = 1;
        }
        aipack.cacheUses[schemaKey] = uses;
        return entry.state;
    };
})(typeof globalThis !== "undefined" ? globalThis : this);
