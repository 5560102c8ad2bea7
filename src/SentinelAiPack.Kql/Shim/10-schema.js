// Schema registration: turns our table/function JSON into Kusto.Language symbols, once per schema set and engine.
// registerSchema {key, tables:[{name, columns:[{name,type}]}], functions:[{name, parameters:[{name,type,default?}],
//                 body?, outputColumns?, openOutput?}]}
(function (g) {
    "use strict";
    var aipack = g.aipack;
    var L = Kusto.Language, S = L.Symbols;

    // Bridge.NET lists (IReadOnlyList<T>) to plain JS arrays.
    aipack.toArray = function (list, type) {
        var result = [];
        if (list) {
            var n = System.Array.getCount(list, type);
            for (var i = 0; i < n; i++) {
                result.push(System.Array.getItem(list, i, type));
            }
        }
        return result;
    };

    // Unknown type names become `unknown` rather than failing the whole schema set; they are reported back.
    function scalarType(name, problems, where) {
        var type = name ? S.ScalarTypes.GetSymbol(String(name)) : null;
        if (!type) {
            problems.push(where + ": unknown type '" + name + "'");
            return S.ScalarTypes.Unknown;
        }
        return type;
    }

    function columns(list, problems, owner) {
        return (list || []).map(function (c) {
            return new S.ColumnSymbol(c.name, scalarType(c.type, problems, owner + "." + c.name), null, null, null, null);
        });
    }

    // Default values are parsed as a single literal (never spliced into query text); anything else is rejected.
    function defaultValue(text, problems, where) {
        var trimmed = String(text).trim();
        var literal = L.Parsing.QueryParser.ParseLiteral$1(trimmed);
        if (!literal || literal.ContainsSyntaxDiagnostics || literal.End !== trimmed.length) {
            problems.push(where + ": default value '" + trimmed + "' is not a literal");
            return null;
        }
        return literal;
    }

    aipack.parameterSymbol = function (p, problems, owner) {
        return new S.ParameterSymbol(p.name, scalarType(p.type, problems, owner + "(" + p.name + ")"), null);
    };

    aipack.parameters = function (list, problems, owner) {
        return (list || []).map(function (p) {
            var where = owner + "(" + p.name + ")";
            var symbol = aipack.parameterSymbol(p, problems, owner);
            var value = p["default"] === undefined || p["default"] === null ? null : defaultValue(p["default"], problems, where);
            return S.Parameter.From(symbol, value !== null || p.optional === true, value);
        });
    };

    function functionSymbol(f, problems) {
        var parameters = aipack.parameters(f.parameters, problems, f.name);
        if (typeof f.body === "string") {
            // The analyzer binds the body on use: calls get the body's real output schema.
            return new S.FunctionSymbol.$ctor14(f.name, f.body, parameters, null);
        }
        var result = new S.TableSymbol.$ctor4(null, columns(f.outputColumns, problems, f.name));
        return new S.FunctionSymbol.$ctor6(f.name, f.openOutput ? result.WithIsOpen(true) : result, parameters, null);
    }

    // Sentinel's built-in watchlist accessor: documented columns typed, the watchlist's own columns accepted (open).
    aipack.watchlistFunction = {
        name: "_GetWatchlist",
        parameters: [{ name: "watchlistAlias", type: "string" }],
        openOutput: true,
        outputColumns: [
            { name: "_DTItemId", type: "string" },
            { name: "LastUpdatedTimeUTC", type: "datetime" },
            { name: "SearchKey", type: "string" },
            { name: "WatchlistItem", type: "dynamic" }
        ]
    };

    // The standard columns every Log Analytics table has ("Standard columns in Azure Monitor Logs"), whether or not
    // its schema file lists them; Azure-Sentinel's validator adds Type and _ResourceId too.
    var standardColumns = [
        { name: "TenantId", type: "string" }, { name: "TimeGenerated", type: "datetime" }, { name: "Type", type: "string" },
        { name: "_ResourceId", type: "string" }, { name: "_ItemId", type: "string" }, { name: "_TimeReceived", type: "datetime" },
        { name: "_SubscriptionId", type: "string" }, { name: "_IsBillable", type: "string" }, { name: "_BilledSize", type: "real" }
    ];
    function withStandardColumns(list) {
        var result = (list || []).slice();
        standardColumns.forEach(function (c) {
            if (!result.some(function (x) { return x.name === c.name; })) {
                result.push(c);
            }
        });
        return result;
    }

    aipack.handlers.registerSchema = function (req) {
        if (!req || !req.key) {
            throw new Error("registerSchema needs a key");
        }
        var problems = [];
        var members = [];
        var names = {};
        (req.tables || []).forEach(function (t) {
            members.push(new S.TableSymbol.$ctor4(t.name, columns(withStandardColumns(t.columns), problems, t.name)));
            names[t.name.toLowerCase()] = true;
        });
        var functions = (req.functions || []).slice();
        if (!functions.some(function (f) { return f.name.toLowerCase() === "_getwatchlist"; })) {
            functions.push(aipack.watchlistFunction);
        }
        functions.forEach(function (f) {
            if (names[f.name.toLowerCase()]) {
                problems.push(f.name + ": a table has the same name; the function is ignored");
                return;
            }
            members.push(functionSymbol(f, problems));
        });
        var database = new S.DatabaseSymbol.ctor("workspace", members);
        var fresh = function () { return L.GlobalState.Default.WithDatabase(database).WithCache(); };
        aipack.states[req.key] = { state: fresh(), fresh: fresh };
        aipack.cacheUses[req.key] = 0;
        return { key: req.key, tables: (req.tables || []).length, functions: functions.length, problems: problems };
    };
})(typeof globalThis !== "undefined" ? globalThis : this);
