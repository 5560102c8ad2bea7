using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;
using SentinelAiPack.TestSupport.Repository;
using SentinelAiPack.Workbooks.Loading;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Tests;

/// <summary>The repository's content, and one analyzer pool for the whole test run.</summary>
[SetUpFixture]
public sealed class Repo
{
    private static KqlHostPool? s_pool;

    private static readonly Lazy<SchemaSet> LazySchemas = new(() =>
    {
        var builder = new SchemaSetBuilder();
        builder.AddFolder(RepositoryPaths.Schemas);
        builder.AddParsers(ContentLoader.Load([RepositoryPaths.Parsers]).Parsers);
        return builder.Build().Schemas;
    });

    public static string Root => RepositoryPaths.Root;

    public static string WorkbooksFolder => RepositoryPaths.Workbooks;

    public static SchemaSet Schemas => LazySchemas.Value;

    public static IKqlAnalyzer Analyzer => new KqlAnalyzer(Pool);

    /// <summary>The local KQL engine on the same analyzer pool.</summary>
    public static KqlEngine Engine => new(new PoolTreeSource(Pool));

    private static KqlHostPool Pool => s_pool ?? throw new InvalidOperationException("The analyzer pool is not set up.");

    public static IReadOnlyList<string> SpecFiles =>
        Directory.EnumerateFiles(WorkbooksFolder).Where(WorkbookFiles.IsSpecFile).Order(StringComparer.Ordinal).ToList();

    public static IEnumerable<TestCaseData> SpecCases => SpecFiles.Select(f => new TestCaseData(f).SetArgDisplayNames(WorkbookFiles.NameOf(f)));

    public static WorkbookSpec LoadSpec(string path)
    {
        var result = WorkbookSpecLoader.Load(path);
        Assert.That(result.Diagnostics, Is.Empty, path);
        return result.Spec!;
    }

    /// <summary><paramref name="spec"/> with the tile titled <paramref name="title"/> allowed to be empty (no shipped tile needs it today).</summary>
    public static WorkbookSpec WithMayBeEmpty(WorkbookSpec spec, string title, string reason) => spec with
    {
        Sections = [.. spec.Sections.Select(section => section with
        {
            Tiles = [.. section.Tiles.Select(tile => tile is QueryTile q && q.Title.Value == title ? q with { MayBeEmpty = reason } : tile)],
        })],
    };

    /// <summary>The rule catalog of the repository's detections.</summary>
    public static RuleCatalog Catalog => RuleCatalog.FromContent(ContentLoader.Load([Path.Combine(Root, "detections")]));

    [OneTimeSetUp]
    public void Start() => s_pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 2 });

    [OneTimeTearDown]
    public void Stop()
    {
        GeneratedTraffic.Delete();
        s_pool?.Dispose();
    }
}
