using System.Diagnostics;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Compilation;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine;

/// <summary>The result of compiling a query: a plan, or the diagnostics that prevent one.</summary>
public sealed class CompileResult
{
    internal CompileResult(ExportedTree tree, QueryPlan? plan, IReadOnlyList<Diagnostic> diagnostics, string? unsupported)
    {
        Tree = tree;
        Plan = plan;
        Diagnostics = diagnostics;
        Unsupported = unsupported;
    }

    public ExportedTree Tree { get; }

    public QueryPlan? Plan { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>When the engine does not support the query: the construct that blocks it (e.g. <c>operator 'evaluate'</c>).</summary>
    public string? Unsupported { get; }

    public bool Success => Plan is not null;

    /// <summary>Wall time of the tree export (analyzer call, or cache read) and of the C# compile.</summary>
    public TimeSpan ExportTime { get; internal set; }

    public TimeSpan CompileTime { get; internal set; }

    /// <summary>True when the analyzer found errors in the query itself.</summary>
    public bool HasQueryErrors => Tree.HasErrors;
}

/// <summary>
/// The local KQL engine: asks the official analyzer for the bound syntax tree, compiles it into a
/// <see cref="QueryPlan"/>, and refuses (SAP6001) anything it does not run rather than approximating it.
/// </summary>
/// <param name="trees">Where bound trees come from (the analyzer).</param>
/// <param name="defaults">Compile options used when a call gives none.</param>
public sealed class KqlEngine(IKqlTreeSource trees, CompileOptions? defaults = null)
{
    /// <summary>Exports and compiles a query. <paramref name="filePath"/> only labels diagnostics.</summary>
    public async Task<CompileResult> CompileAsync(
        string query,
        SchemaSet? schemas = null,
        IReadOnlyList<TableSchema>? extraTables = null,
        CompileOptions? options = null,
        string filePath = "",
        CancellationToken cancellationToken = default)
    {
        ExportedTree tree;
        var started = Stopwatch.GetTimestamp();
        try
        {
            tree = await trees.ExportAsync(query, schemas, extraTables, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineCompileException e)
        {
            return new CompileResult(new ExportedTree { Text = query }, null, [EngineCodes.CompileFailed.Create(filePath, SourceSpan.Unknown, e.Message)], null)
            {
                ExportTime = Stopwatch.GetElapsedTime(started),
            };
        }
        var exported = Stopwatch.GetTimestamp();
        var result = Compile(tree, options ?? defaults, filePath);
        result.ExportTime = Stopwatch.GetElapsedTime(started, exported);
        result.CompileTime = Stopwatch.GetElapsedTime(exported);
        return result;
    }

    /// <summary>Compiles an exported tree (no analyzer call).</summary>
    public static CompileResult Compile(ExportedTree tree, CompileOptions? options = null, string filePath = "")
    {
        options ??= CompileOptions.Default;
        if (tree.HasErrors && !options.Lenient)
        {
            var errors = tree.Diagnostics.Where(d => d.IsError).Select(d =>
                EngineCodes.QueryHasErrors.Create(filePath, Position(tree.Text, d.Start, d.Length), $"{d.Code}: {d.Message}") with { Source = d.Code }).ToArray();
            return new CompileResult(tree, null, errors, null);
        }
        var context = new CompileContext(tree, options);
        try
        {
            var root = context.Tabular.CompileQuery(tree.Root);
            return new CompileResult(tree, new QueryPlan(root, context.TablesRead), [], null);
        }
        catch (EngineCompileException e)
        {
            var descriptor = e.IsNotSupported ? EngineCodes.NotSupportedByEngine : EngineCodes.CompileFailed;
            var diagnostic = descriptor.Create(filePath, SourceSpan.Unknown, e.Message);
            return new CompileResult(tree, null, [diagnostic], e.Construct);
        }
        catch (InsufficientExecutionStackException)
        {
            return new CompileResult(tree, null, [EngineCodes.CompileFailed.Create(filePath, SourceSpan.Unknown, "the query nests too deeply for the local engine")], null);
        }
        catch (EngineRuntimeException e)
        {
            // Constant parts are evaluated while compiling (a malformed regex literal, an impossible conversion).
            return new CompileResult(tree, null, [EngineCodes.CompileFailed.Create(filePath, SourceSpan.Unknown, e.Message)], null);
        }
        catch (Exception e) when (EngineInternalError.Is(e))
        {
            return new CompileResult(tree, null, [EngineCodes.InternalError.Create(filePath, SourceSpan.Unknown, EngineInternalError.Describe(e))], null);
        }
    }

    /// <summary>1-based line and column of a character offset.</summary>
    public static SourceSpan Position(string text, int offset, int length = 0)
    {
        if (offset < 0 || offset > text.Length)
        {
            return SourceSpan.Unknown;
        }
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return new SourceSpan(line, column, length);
    }
}
