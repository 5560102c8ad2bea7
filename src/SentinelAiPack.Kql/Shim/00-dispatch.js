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
    aipack.globalsFor = function (schemaKey) {
        if (!schemaKey) {
            return Kusto.Language.GlobalState.Default;
        }
        var state = aipack.states[schemaKey];
        if (!state) {
            throw new Error("schema set '" + schemaKey + "' is not registered in this engine");
        }
        return state;
    };
})(typeof globalThis !== "undefined" ? globalThis : this);
