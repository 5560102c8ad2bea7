using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Telemetry.Tests.Parsers;

/// <summary>One analyzer engine and the pack's schema set (tables of detections/schemas, parsers as functions) for the parser tests.</summary>
[SetUpFixture]
public sealed class AnalyzerFixture
{
    private static KqlHostPool? s_pool;
    private static SchemaSet? s_schemas;

    public static KqlAnalyzer Analyzer => new(s_pool ?? throw new InvalidOperationException("analyzer not started"));

    public static SchemaSet Schemas => s_schemas ?? throw new InvalidOperationException("schemas not loaded");

    public static IReadOnlyList<FunctionSchema> Parsers => [.. Schemas.Functions.Where(f => f.SourcePath?.StartsWith(RepositoryPaths.Parsers, StringComparison.Ordinal) == true)];

    [OneTimeSetUp]
    public void Start()
    {
        s_pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        var builder = new SchemaSetBuilder()
            .AddFolder(RepositoryPaths.Schemas)
            .AddFiles(Directory.EnumerateFiles(RepositoryPaths.Parsers, "*.yaml").Order(StringComparer.Ordinal));
        var (schemas, diagnostics) = builder.Build();
        Assert.That(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{d.FilePath}: {d.Message}"), Is.Empty);
        s_schemas = schemas;
    }

    [OneTimeTearDown]
    public void Stop() => s_pool?.Dispose();
}
