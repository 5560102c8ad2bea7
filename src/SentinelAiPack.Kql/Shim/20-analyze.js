// Analysis: diagnostics, result schema, referenced symbols and best-practice findings for a batch of queries.
// analyze {schemaKey, grammarSkip?, queries:[{id, text, mode:"query"|"parseOnly", parameters?, wantOutput,
//          wantReferences, wantBestPractices}]}
(function (g) {
    "use strict";
    var aipack = g.aipack;
    var L = Kusto.Language, S = L.Symbols, Kinds = S.SymbolKind;

    // The first ParseAndAnalyze builds the editor completion grammar (QueryGrammar.From, about 1.4 s) although the
    // query parser never reads it. While one of our queries is parsed, hand back an empty grammar for exactly that
    // GlobalState; commands and the stack-safe deep-nesting parser ask with other states and get the real one.
    var realGrammarFrom = L.Parsing.QueryGrammar.From;
    var grammarSkippedFor = null;
    L.Parsing.QueryGrammar.From = function (globals) {
        return globals !== null && globals === grammarSkippedFor ? { QueryBlock: null } : realGrammarFrom.call(this, globals);
    };

    aipack.parse = function (text, globals, analyze, grammarSkip) {
        grammarSkippedFor = grammarSkip !== false && L.KustoCode.GetKind(text) === L.Editor.CodeKinds.Query ? globals : null;
        try {
            return analyze ? L.KustoCode.ParseAndAnalyze(text, globals) : L.KustoCode.Parse(text, globals);
        } finally {
            grammarSkippedFor = null;
        }
    };

    function diagnostics(list, syntax, root) {
        var syntaxKeys = {};
        (syntax || []).forEach(function (d) { syntaxKeys[key(d)] = true; });
        var carriers = root ? carriersOfUnlocated(list, root) : null;
        return list.map(function (d) {
            var node = carriers ? carriers.get(d) : null;
            return {
                severity: d.Severity, code: d.Code, message: d.Message,
                start: node ? node.TextStart : d.Start, length: node ? node.Width : d.Length,
                category: d.Category, isSyntax: syntax ? syntaxKeys[key(d)] === true : false
            };
        });
    }

    // A few binder diagnostics carry no location (KS242 "Inconsistent data types for join keys" in Kusto.Language
    // 12.4) and would read as offset 0, length 0: the first line of the query, often a comment. The node whose
    // semantic info holds such a diagnostic is what it is about; its text span is used instead.
    function carriersOfUnlocated(list, root) {
        if (!list.some(function (d) { return !d.HasLocation; })) {
            return null;
        }
        var carriers = new Map();
        L.Syntax.SyntaxElement.WalkElements(root, function (element) {
            if (!Bridge.as(element, L.Syntax.SyntaxNode)) {
                return;
            }
            aipack.toArray(element.SemanticDiagnostics, L.Diagnostic).forEach(function (d) {
                if (!d.HasLocation && !carriers.has(d)) {
                    carriers.set(d, element);
                }
            });
        });
        return carriers;
    }

    function key(d) { return d.Code + "|" + d.Start + "|" + d.Length + "|" + d.Message; }

    function outputOf(code) {
        var type = code.ResultType;
        if (!type || type.Kind !== Kinds.Table) {
            return { isTabular: false, columns: [] };
        }
        return {
            isTabular: true,
            columns: aipack.toArray(type.Columns, S.ColumnSymbol).map(function (c) { return { name: c.Name, type: c.Type.Name }; })
        };
    }

    // Walks the bound tree; calls to workspace functions are followed into their bound bodies so that tables and
    // columns a rule reaches through a parser are reported with that parser's name (`via`).
    function referencesOf(code) {
        var globals = code.Globals, refs = { tables: [], columns: [], functions: [] }, seen = {};
        function add(list, k, value) {
            if (!seen[k]) {
                seen[k] = true;
                list.push(value);
            }
        }
        function walk(root, via, depth) {
            root.WalkNodes(function (node) {
                var symbol = node.ReferencedSymbol;
                if (!symbol) {
                    return;
                }
                // Direct references carry the position of their first use, so findings about them point at the token.
                var at = via ? {} : { start: node.TextStart, length: node.Width };
                if (symbol.Kind === Kinds.Table && globals.IsDatabaseTable(symbol)) {
                    add(refs.tables, "t|" + symbol.Name + "|" + via, { name: symbol.Name, via: via, start: at.start, length: at.length });
                } else if (symbol.Kind === Kinds.Column) {
                    var table = globals.GetTable(symbol);
                    if (table) {
                        add(refs.columns, "c|" + table.Name + "|" + symbol.Name + "|" + via, { table: table.Name, column: symbol.Name, via: via });
                    }
                } else if (symbol.Kind === Kinds.Function && globals.IsDatabaseFunction(symbol)) {
                    add(refs.functions, "f|" + symbol.Name + "|" + via, { name: symbol.Name, via: via, start: at.start, length: at.length });
                    var body = depth < 8 ? node.GetCalledFunctionBody() : null;
                    if (body) {
                        walk(body, via || symbol.Name, depth + 1);
                    }
                }
            });
        }
        walk(code.Syntax, null, 0);
        return refs;
    }

    // project-rename New = Old where Old is unknown: the analyzer drops New, so every later use of New is reported
    // too; those uses are the same cause as Old.
    function unresolvedRenamesOf(root) {
        var renames = [];
        L.Syntax.SyntaxElement.WalkElements(root, function (element) {
            var named = Bridge.as(element, L.Syntax.SimpleNamedExpression);
            var from = named ? Bridge.as(named.Expression, L.Syntax.NameReference) : null;
            if (!from || from.ReferencedSymbol || !named.Name) {
                return;
            }
            for (var up = named.Parent, depth = 0; up && depth < 3; up = up.Parent, depth++) {
                if (Bridge.as(up, L.Syntax.ProjectRenameOperator)) {
                    renames.push({ name: named.Name.SimpleName, from: from.SimpleName, start: named.TextStart });
                    return;
                }
            }
        });
        return renames;
    }

    // T | invoke Unknown(...) leaves the rest of the pipeline without columns, so the analyzer reports every later
    // column: those are the unknown function's cascade. Returns the function's name and the span of what follows.
    function unresolvedInvokesOf(root) {
        var invokes = [];
        L.Syntax.SyntaxElement.WalkElements(root, function (element) {
            var invoke = Bridge.as(element, L.Syntax.InvokeOperator);
            var call = invoke ? Bridge.as(invoke.Function, L.Syntax.FunctionCallExpression) : null;
            if (!call || call.ReferencedSymbol || !call.Name) {
                return;
            }
            var pipe = Bridge.as(invoke.Parent, L.Syntax.PipeExpression);
            if (!pipe) {
                return;
            }
            for (var up = Bridge.as(pipe.Parent, L.Syntax.PipeExpression); up && up.Expression === pipe; up = Bridge.as(pipe.Parent, L.Syntax.PipeExpression)) {
                pipe = up;
            }
            // Nested pipelines after the invoke (a union or join operand, toscalar(...)) read their own sources.
            var own = [];
            L.Syntax.SyntaxElement.WalkElements(pipe, function (inner) {
                var nested = Bridge.as(inner, L.Syntax.PipeExpression);
                if (nested && nested.TextStart >= invoke.End && !own.some(function (o) { return nested.TextStart >= o.start && nested.End <= o.end; })) {
                    own.push({ start: nested.TextStart, end: nested.End });
                }
            });
            invokes.push({ name: call.Name.SimpleName, start: invoke.End, end: pipe.End, ownSources: own });
        });
        return invokes;
    }

    function bestPracticesOf(code) {
        var service = new L.Editor.KustoCodeService.ctor(code);
        return diagnostics(aipack.toArray(service.GetAnalyzerDiagnostics(true), L.Diagnostic), null);
    }

    function globalsFor(req, query) {
        var globals = aipack.globalsFor(req.schemaKey);
        if (query.parameters && query.parameters.length) {
            // Function bodies are validated on their own with their parameters declared as query parameters,
            // so offsets stay those of the body text.
            var problems = [];
            aipack.parameters(query.parameters, problems, "parameters"); // reports bad defaults
            var symbols = query.parameters.map(function (p) { return aipack.parameterSymbol(p, [], "parameters"); });
            return { globals: globals.AddParameters(symbols), problems: problems };
        }
        return { globals: globals, problems: [] };
    }

    aipack.analyzeOne = function (req, query) {
        var text = typeof query.text === "string" ? query.text : "";
        var result = { id: query.id, diagnostics: [], outputColumns: [], isTabular: false, tables: [], columns: [], functions: [], bestPractices: [],
            unresolvedRenames: [], unresolvedInvokes: [] };
        try {
            var scope = globalsFor(req, query);
            var parseOnly = query.mode === "parseOnly";
            var code = aipack.parse(text, scope.globals, !parseOnly, req.grammarSkip);
            var syntax = aipack.toArray(code.GetSyntaxDiagnostics(), L.Diagnostic);
            result.diagnostics = parseOnly ? diagnostics(syntax, syntax) : diagnostics(aipack.toArray(code.GetDiagnostics(), L.Diagnostic), syntax, code.Syntax);
            if (result.diagnostics.some(function (d) { return d.code === "KS142" || d.code === "KS109"; })) {
                result.unresolvedRenames = unresolvedRenamesOf(code.Syntax);
                result.unresolvedInvokes = unresolvedInvokesOf(code.Syntax);
            }
            if (scope.problems.length) {
                result.failure = scope.problems.join("; ");
            }
            if (!parseOnly) {
                if (query.wantOutput) {
                    var output = outputOf(code);
                    result.isTabular = output.isTabular;
                    result.outputColumns = output.columns;
                }
                if (query.wantReferences) {
                    var refs = referencesOf(code);
                    result.tables = refs.tables;
                    result.columns = refs.columns;
                    result.functions = refs.functions;
                }
                if (query.wantBestPractices) {
                    result.bestPractices = bestPracticesOf(code);
                }
            }
        } catch (e) {
            // One hostile query (e.g. nesting deep enough to exhaust the stack) must not fail the batch.
            result.failure = (e && (e.message || String(e))) || "analysis failed";
        }
        return result;
    };

    aipack.handlers.analyze = function (req) {
        aipack.globalsFor(req.schemaKey); // an unknown key fails the call, not each query
        return { results: (req.queries || []).map(function (q) { return aipack.analyzeOne(req, q); }) };
    };

    // The bare analyzer loop, for benchmarks and for checking that nothing is lost between JS and the host:
    // analyzes every text in one JS loop and returns the elapsed time and counts computed here.
    aipack.handlers.benchLoop = function (req) {
        var globals = aipack.globalsFor(req.schemaKey), analyze = req.mode !== "parseOnly";
        var started = Date.now(), syntaxClean = 0, diagnosticCount = 0;
        (req.texts || []).forEach(function (text) {
            var code = aipack.parse(text, globals, analyze, req.grammarSkip);
            if (System.Array.getCount(code.GetSyntaxDiagnostics(), L.Diagnostic) === 0) {
                syntaxClean++;
            }
            diagnosticCount += System.Array.getCount(analyze ? code.GetDiagnostics() : code.GetSyntaxDiagnostics(), L.Diagnostic);
        });
        return { elapsedMs: Date.now() - started, syntaxClean: syntaxClean, diagnosticCount: diagnosticCount };
    };
})(typeof globalThis !== "undefined" ? globalThis : this);
