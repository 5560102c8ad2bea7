using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Tests;

/// <summary>The pack's normalizing parsers are workspace functions with bodies: the engine must compile and run each.</summary>
public class PackParserTests
{
    private static IEnumerable<string> ParserNames() =>
        PackContent.Content.Parsers.Select(p => p.FunctionName?.Value ?? p.FileName).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ParserNames))]
    public void Parser_compiles_and_runs_over_empty_tables(string name)
    {
        var result = EngineHarness.Compile(name + "()", PackContent.Schemas);
        Assert.That(result.Success, Is.True, () => string.Join("; ", result.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        var table = result.Plan!.Run(new EvaluationContext
        {
            Now = EngineHarness.Now,
            EmptyTableSchemas = SchemaConversion.EmptyTables(PackContent.Schemas),
        });
        Assert.That(table.RowCount, Is.Zero);
        Assert.That(table.Schema.Count, Is.GreaterThan(0));
    }
}
