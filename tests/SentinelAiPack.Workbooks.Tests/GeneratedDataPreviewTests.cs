using SentinelAiPack.Content.Tests;
using SentinelAiPack.Workbooks.Preview;

namespace SentinelAiPack.Workbooks.Tests;

/// <summary>
/// Every workbook run with the local engine over freshly generated traffic with every attack scenario: each tile must
/// run and return rows, unless its spec says (mayBeEmpty) why no rows is a normal result.
/// </summary>
public sealed class GeneratedDataPreviewTests
{
    private static readonly Lazy<(TempFolder Folder, PreviewData Data)> Generated = new(() =>
    {
        var folder = new TempFolder();
        return (folder, PreviewData.Generate(folder.Path, Repo.Schemas));
    });

    public static PreviewData Data => Generated.Value.Data;

    [OneTimeTearDown]
    public void DeleteData()
    {
        if (Generated.IsValueCreated)
        {
            Generated.Value.Folder.Dispose();
        }
    }

    public static Task<PreviewPage> BuildAsync(string specPath) =>
        new PreviewBuilder(new EngineTileQueryRunner(Repo.Engine, Repo.Schemas, Data)).BuildAsync(Repo.LoadSpec(specPath), Repo.Catalog, Data.Start, Data.End, Data.Description);

    [TestCaseSource(typeof(Repo), nameof(Repo.SpecCases))]
    public async Task Every_tile_returns_rows_on_generated_attack_traffic(string path)
    {
        var page = await BuildAsync(path);

        var tiles = page.Sections.SelectMany(s => s.Tiles).Where(t => t.Spec is Specs.QueryTile).ToList();
        TestContext.Out.WriteLine($"{tiles.Count(t => t.Data?.Rows.Count > 0)} of {tiles.Count} tiles returned rows");
        foreach (var tile in tiles)
        {
            TestContext.Out.WriteLine($"  {((Specs.QueryTile)tile.Spec).Title.Value}: {(tile.Error is { } e ? "failed: " + e : $"{tile.Data!.Rows.Count} rows")}");
        }
        Assert.That(PreviewBuilder.Problems(page), Is.Empty);
    }
}
