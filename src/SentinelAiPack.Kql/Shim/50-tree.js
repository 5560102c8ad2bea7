// exportTree: the analyzer's *bound* syntax tree as compact JSON, for the local engine's compiler (C#).
//
// Request:  { schemaKey?: string, text: string, tables?: [{name, columns: [[name, type], ...]}], grammarSkip?: bool }
//           `grammarSkip` (default true) parses without building the editor completion grammar (aipack.parse, 20-analyze.js).
//           `tables` adds ad-hoc tables (e.g. `aipack run --data` files the pack has no schema for).
// Response: a JSON string holding { diagnostics: [{code, severity, message, start, length}], syntaxErrors: count,
//             timings: {analyzeMs, exportMs},
//             schemas: [[[name, type], ...], ...],        // tabular result types, interned
//             root: node }  (serialized: see the end of this file)
// node:     { k: SyntaxKind name, r?: role in parent (GetName), t?: token text,
//             ty?: scalar type name | index into schemas, s?: referenced symbol,
//             v?: literal value (canonical string/number/bool/null; present only on literal expressions),
//             c?: [child nodes], x?: bound expansion of a call to a user or database function,
//             p?: that function's parameters [{n: name, d?: default value expression node, tab?: true}] }
// symbol:   { k: SymbolKind name, n: name, ty?: type, o?: "builtin"|"aggregate"|"plugin"|"database"|"local" }
//
// Trivia (whitespace, comments) is dropped. Exporting once per query keeps JSON walking out of the per-row path.
(function (g) {
    "use strict";
    var aipack = g.aipack;
    var L = Kusto.Language;
    var SyntaxKind = L.Syntax.SyntaxKind;
    var SymbolKind = L.Symbols.SymbolKind;

    function enumNames(e) {
        var names = {};
        Object.keys(e).forEach(function (k) { if (typeof e[k] === "number") { names[e[k]] = k; } });
        return names;
    }
    var kindNames = enumNames(SyntaxKind);
    var symbolKindNames = enumNames(SymbolKind);
    var severityNames = { Error: "error", Warning: "warning", Suggestion: "suggestion", Information: "info" };

    function toArray(list) { return list ? Bridge.toArray(list) : []; }

    // Punctuation carries no meaning once the node kinds are known; dropping it keeps the JSON small.
    var punctuation = {};
    ["CommaToken", "OpenParenToken", "CloseParenToken", "OpenBracketToken", "CloseBracketToken", "OpenBraceToken",
        "CloseBraceToken", "BarToken", "SemicolonToken", "EqualToken", "ColonToken", "DotToken", "DotDotToken",
        "EndOfTextToken"].forEach(function (k) { punctuation[SyntaxKind[k]] = true; });

    // Literal values leave the bridge as strings where JS numbers would lose precision (long, ticks, decimal).
    function literalValue(node) {
        var v = node.LiteralValue;
        if (v === null || v === undefined) { return null; }
        if (v.$boxed) { v = v.v; }
        if (typeof v === "string" || typeof v === "boolean") { return v; }
        if (typeof v === "number") { return isFinite(v) ? v : String(v); }
        if (v instanceof Date) { return System.DateTime.getTicks(v).toString(); }
        if (v.ticks !== undefined) { return v.ticks.toString(); }    // System.TimeSpan
        return v.toString();                                          // Int64, Decimal, Guid
    }

    function Exporter(globals) {
        this.globals = globals;
        this.schemas = [];
        this.schemaIndex = {};
    }

    Exporter.prototype.type = function (t) {
        if (!t) { return undefined; }
        if (t.Columns) {
            var cols = toArray(t.Columns).map(function (c) { return [c.Name, c.Type ? c.Type.Name : "unknown"]; });
            var key = JSON.stringify(cols);
            var index = this.schemaIndex[key];
            if (index === undefined) {
                index = this.schemas.length;
                this.schemas.push(cols);
                this.schemaIndex[key] = index;
            }
            return index;
        }
        return t.Name;
    };

    Exporter.prototype.symbol = function (s) {
        var out = { k: symbolKindNames[s.Kind] || String(s.Kind), n: s.Name };
        if (s.Kind === SymbolKind.Column || s.Kind === SymbolKind.Variable || s.Kind === SymbolKind.Parameter) {
            var t = this.type(s.Type);
            if (t !== undefined) { out.ty = t; }
        } else if (s.Kind === SymbolKind.Function) {
            var gl = this.globals;
            out.o = gl.IsAggregateFunction(s) ? "aggregate"
                : gl.IsBuiltInFunction(s) ? "builtin"
                : gl.GetPlugIn(s.Name) === s ? "plugin"
                : gl.IsDatabaseFunction(s) ? "database" : "local";
        }
        return out;
    };

    Exporter.prototype.node = function (n, role) {
        var out = { k: kindNames[n.Kind] || String(n.Kind) };
        if (role) { out.r = role; }
        if (n.IsToken) {
            out.t = n.Text;
            if (n.Kind === SyntaxKind.StringLiteralToken) { out.v = n.ValueText; }
            return out;
        }
        if (n.ResultType !== undefined) {                      // Expression nodes
            var ty = this.type(n.ResultType);
            if (ty !== undefined) { out.ty = ty; }
            if (n.IsLiteral) { out.v = literalValue(n); }
        }
        var sym = n.ReferencedSymbol;
        if (sym) { out.s = this.symbol(sym); }
        var count = n.ChildCount;
        if (count > 0) {
            var children = [];
            for (var i = 0; i < count; i++) {
                var child = n.GetChild(i);
                if (child && !(child.IsToken && punctuation[child.Kind])) { children.push(this.node(child, n.GetName(i))); }
            }
            out.c = children;
        }
        if (sym && sym.Kind === SymbolKind.Function && out.s.o !== "builtin" && out.s.o !== "aggregate" && out.s.o !== "plugin"
            && (n.Kind === SyntaxKind.FunctionCallExpression || n.Kind === SyntaxKind.NameReference)) {
            var expansion = n.GetExpansion();
            if (expansion) {
                out.x = this.node(expansion, null);
                out.p = this.parameters(n.ReferencedSignature);
            }
        }
        return out;
    };

    function withTables(globals, tables) {
        var S = L.Symbols;
        var members = globals.Database ? toArray(globals.Database.Members) : [];
        tables.forEach(function (t) {
            var columns = (t.columns || []).map(function (c) {
                return new S.ColumnSymbol(c[0], S.ScalarTypes.GetSymbol(String(c[1])) || S.ScalarTypes.Unknown, null, null, null, null);
            });
            members.push(new S.TableSymbol.$ctor4(t.name, columns));
        });
        var name = globals.Database && globals.Database.Name ? globals.Database.Name : "workspace";
        return globals.WithDatabase(new S.DatabaseSymbol.ctor(name, members));
    }

    // The called function's parameters in order: the compiler binds arguments (or defaults) to these names.
    Exporter.prototype.parameters = function (signature) {
        var self = this;
        return signature ? toArray(signature.Parameters).map(function (p) {
            var out = { n: p.Name };
            if (p.DefaultValue) {
                out.d = self.node(p.DefaultValue, null);
            }
            if (p.IsTabular) { out.tab = true; }
            return out;
        }) : [];
    };

    aipack.handlers.exportTree = function (req) {
        var globals = aipack.globalsFor(req.schemaKey);
        if (req.tables && req.tables.length) { globals = withTables(globals, req.tables); }
        var started = Date.now();
        var code = aipack.parse(req.text || "", globals, true, req.grammarSkip);
        var exporter = new Exporter(globals);
        var diagnostics = toArray(code.GetDiagnostics()).map(function (d) {
            return {
                code: d.Code, severity: severityNames[d.Severity] || String(d.Severity).toLowerCase(),
                message: d.Message, start: d.Start, length: d.Length
            };
        });
        var syntaxErrors = toArray(code.GetSyntaxDiagnostics()).filter(function (d) { return d.Severity === L.DiagnosticSeverity.Error; }).length;
        var analyzed = Date.now();
        var root = exporter.node(code.Syntax, null);
        // Returned as text: trees nest deeper than hosts' JSON readers allow by default (64); the engine reads it with its own limit.
        var timings = { analyzeMs: analyzed - started, exportMs: Date.now() - analyzed };
        return JSON.stringify({ diagnostics: diagnostics, syntaxErrors: syntaxErrors, timings: timings, schemas: exporter.schemas, root: root });
    };
})(typeof globalThis !== "undefined" ? globalThis : this);
