using System.Collections.Concurrent;
using SentinelAiPack.Workbooks.Preview;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Tests;

/// <summary>
/// Every workbook run with the local engine over freshly generated traffic with every attack scenario (what
/// <c>aipack workbook preview</c> does by default): each tile must run and return rows, unless its spec says
/// (mayBeEmpty) why no rows is a normal result; and the page built from it must render in a real browser.
/// </summary>
public sealed class GeneratedDataPreviewTests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PreviewPage>>> Pages = new(StringComparer.Ordinal);

    private static PreviewData Data => GeneratedTraffic.Data;

    /// <summary>The preview page of a spec on the generated data, built once per test run.</summary>
    private static Task<PreviewPage> PageAsync(string specPath) => Pages.GetOrAdd(specPath, path => new Lazy<Task<PreviewPage>>(() =>
        new PreviewBuilder(new EngineTileQueryRunner(Repo.Engine, Repo.Schemas, Data))
            .BuildAsync(Repo.LoadSpec(path), Repo.Catalog, Data.Start, Data.End, Data.Description))).Value;

    [Test]
    public void The_generated_window_is_a_week_ending_at_the_generator_end()
    {
        Assert.That(Data.End, Is.EqualTo(PreviewData.DefaultGeneration.End));
        Assert.That(Data.End - Data.Start, Is.EqualTo(TimeSpan.FromDays(7)));
        Assert.That(Data.Description, Does.StartWith("generated sample traffic with 40 attack scenarios"));
        Assert.That(Data.Watchlists.Keys, Does.Contain("AIPackTrainingSubnets"));
        Assert.That(Data.Diagnostics, Is.Empty);
    }

    [TestCaseSource(typeof(Repo), nameof(Repo.SpecCases))]
    public async Task Every_tile_returns_rows_on_generated_attack_traffic(string path)
    {
        var page = await PageAsync(path);

        var tiles = page.Sections.SelectMany(s => s.Tiles).Where(t => t.Spec is QueryTile).ToList();
        await TestContext.Out.WriteLineAsync($"{tiles.Count(t => t.Data?.Rows.Count > 0)} of {tiles.Count} tiles returned rows");
        foreach (var tile in tiles)
        {
            await TestContext.Out.WriteLineAsync($"  {((QueryTile)tile.Spec).Title.Value}: {(tile.Error is { } e ? "failed: " + e : $"{tile.Data!.Rows.Count} rows")}");
        }
        Assert.That(PreviewBuilder.Problems(page), Is.Empty);
        Assert.That(tiles, Has.Count.EqualTo(Repo.LoadSpec(path).QueryTiles.Count()), "every section is visible once drill-downs are clicked");
    }

    [TestCaseSource(typeof(Repo), nameof(Repo.SpecCases))]
    public async Task The_preview_of_generated_data_renders_in_a_real_browser(string path)
    {
        BrowserHarness.RequireChromium();
        var page = await PageAsync(path);
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "preview-pages");
        Directory.CreateDirectory(folder);
        var pagePath = Path.Combine(folder, page.Spec.Name + ".generated.html");
        var shotPath = Path.Combine(folder, page.Spec.Name + ".generated.png");
        await File.WriteAllTextAsync(pagePath, PreviewPageRenderer.Render(page, ChartLibrary.Load()));

        var result = await BrowserHarness.OpenAsync(pagePath, shotPath);

        TestContext.AddTestAttachment(shotPath, page.Spec.Title.Value + " (generated data)");
        PreviewPageTests.AssertRendered(result, page.Sections.SelectMany(s => s.Tiles).Count(t => t.Spec is QueryTile));
        Assert.That(result.Tiles.Select(t => t.Rendered), Has.None.EqualTo("empty"), "on generated attack traffic every tile has rows");
    }
}
