using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Testing;

/// <summary>
/// Where a <see cref="RuleTestRunner"/> run spent its time (wall clock, summed over items): tree export (analyzer
/// call or cache read; the first export also waits for an engine to start and register the schema set), the share of
/// it the analyzer reported for binding and walking the tree, the C# compile, and running the cases.
/// </summary>
public sealed class RuleTestTimings
{
    public int Exports { get; private set; }

    public int ExportsFromCache { get; private set; }

    public TimeSpan Export { get; private set; }

    /// <summary>What the analyzer itself reported for the trees it exported in this run (none for cached ones).</summary>
    public TimeSpan AnalyzerBind { get; private set; }

    public TimeSpan AnalyzerWalk { get; private set; }

    public TimeSpan Compile { get; private set; }

    public int Cases { get; private set; }

    public TimeSpan RunCases { get; private set; }

    internal void AddCompile(CompileResult compiled)
    {
        Exports++;
        Export += compiled.ExportTime;
        Compile += compiled.CompileTime;
        if (compiled.Tree.FromCache)
        {
            ExportsFromCache++;
        }
        else if (compiled.Tree.Timings is { } analyzer)
        {
            AnalyzerBind += TimeSpan.FromMilliseconds(analyzer.AnalyzeMilliseconds);
            AnalyzerWalk += TimeSpan.FromMilliseconds(analyzer.ExportMilliseconds);
        }
    }

    internal void AddCase(TimeSpan elapsed)
    {
        Cases++;
        RunCases += elapsed;
    }
}
