using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.Workbooks.Preview;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Tests;

public sealed class PreviewPageTests
{
    private static string ChartJs => ChartLibrary.Load();

    [Test]
    public void The_page_is_self_contained_and_forbids_network_access()
    {
        var html = PreviewPageRenderer.Render(FixedResults.PageFor(Repo.LoadSpec(Path.Combine(Repo.WorkbooksFolder, "prompt-injection.workbook.yaml"))), ChartJs);

        Assert.That(html, Does.Contain("default-src 'none'"));
        Assert.That(html, Does.Contain("Chart.js v4"));
        Assert.That(Regex.IsMatch(html, @"<(script|link|img)[^>]+(src|href)=", RegexOptions.IgnoreCase), Is.False, "no external resource of any kind");
    }

    [Test]
    public void Hostile_values_are_escaped_everywhere()
    {
        var html = PreviewPageRenderer.Render(FixedResults.PageFor(Repo.LoadSpec(Path.Combine(Repo.WorkbooksFolder, "prompt-injection.workbook.yaml"))), ChartJs);

        // Exactly three script elements open and close: chart data, the library, the page script.
        Assert.That(Regex.Matches(html, "<script", RegexOptions.IgnoreCase), Has.Count.EqualTo(3));
        Assert.That(Regex.Matches(html, "</script>", RegexOptions.IgnoreCase), Has.Count.EqualTo(3));
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Contain("&lt;/script&gt;&lt;script&gt;window.__aipackInjected=true"));
        var data = Regex.Match(html, "<script type=\"application/json\" id=\"aipack-charts\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.That(data, Does.Not.Contain("<").And.Not.Contain(">"));
        // The chart data still carries the exact text: it is drawn on a canvas, never parsed as markup.
        Assert.That(JsonNode.Parse(data)!.AsArray().SelectMany(c => c!["series"]!.AsArray()).Select(s => s!["label"]!.GetValue<string>()),
            Does.Contain(FixedResults.Hostile));
    }

    [Test]
    public void Charts_follow_the_workbook_reading_of_results()
    {
        var time = ChartShaper.Shape(Visualization.TimeChart, new TileData(
            [new("TimeGenerated", "datetime"), new("Category", "string"), new("N", "long")],
            [[new DateTime(2025, 6, 30, 1, 0, 0, DateTimeKind.Utc), "b", 2L], [new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc), "a", 1L],
             [new DateTime(2025, 6, 30, 1, 0, 0, DateTimeKind.Utc), "a", 5L]]))!;
        Assert.That(time.Type, Is.EqualTo("line"));
        Assert.That(time.Labels, Is.EqualTo(new[] { "06-30 00:00", "06-30 01:00" }));
        Assert.That(time.Series.Select(s => s.Label), Is.EqualTo(new[] { "a", "b" }), "series ordered by total");
        Assert.That(time.Series[0].Values, Is.EqualTo(new double?[] { 1, 5 }));
        Assert.That(time.Series[1].Values, Is.EqualTo(new double?[] { null, 2 }));

        var bar = ChartShaper.Shape(Visualization.BarChart, new TileData(
            [new("Category", "string"), new("Action", "string"), new("N", "long")], [["PII", "Blocked", 3L], ["PII", "Annotated", 1L], ["Hate", "Blocked", 2L]]))!;
        Assert.That(bar.Stacked, Is.True);
        Assert.That(bar.Labels, Is.EqualTo(new[] { "PII", "Hate" }));
        Assert.That(bar.Series.Select(s => s.Label), Is.EqualTo(new[] { "Blocked", "Annotated" }));

        var pie = ChartShaper.Shape(Visualization.PieChart, new TileData([new("Source", "string"), new("N", "long")], [["UserPrompt", 4L], ["Document", 2L]]))!;
        Assert.That(pie.Series.Single().Values, Is.EqualTo(new double?[] { 4, 2 }));
        Assert.That(ChartShaper.Shape(Visualization.PieChart, new TileData([new("Source", "string")], [["x"]])), Is.Null);
    }

    [Test]
    public void Time_charts_keep_empty_buckets_so_the_axis_is_proportional_to_time()
    {
        var t0 = new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc);
        var data = new TileData([new("TimeGenerated", "datetime"), new("Severity", "string"), new("N", "long")],
            [[t0, "High", 1L], [t0.AddHours(1), "High", 2L], [t0.AddHours(4), "Low", 3L]]);

        var chart = ChartShaper.Shape(Visualization.TimeChart, data)!;

        Assert.That(chart.Labels, Is.EqualTo(new[] { "06-30 00:00", "06-30 01:00", "06-30 02:00", "06-30 03:00", "06-30 04:00" }));
        Assert.That(chart.Series.Single(s => s.Label == "High").Values, Is.EqualTo(new double?[] { 1, 2, null, null, null }));
        Assert.That(chart.Series.Single(s => s.Label == "Low").Values, Is.EqualTo(new double?[] { null, null, null, null, 3 }));
        var perColumn = ChartShaper.Shape(Visualization.TimeChart, new TileData([new("T", "datetime"), new("N", "long")],
            [[t0.AddHours(4), 3L], [t0, 1L], [t0.AddHours(1), 2L]]))!;
        Assert.That(perColumn.Series.Single().Values, Is.EqualTo(new double?[] { 1, 2, null, null, 3 }));
        // Times that do not fall on one grid are drawn as they come rather than on an invented one.
        Assert.That(ChartShaper.TimeAxis([t0, t0.AddMinutes(2), t0.AddMinutes(5)]), Has.Count.EqualTo(3));
    }

    [Test]
    public void Many_series_are_folded_into_other()
    {
        var rows = Enumerable.Range(0, 12).Select(i => (IReadOnlyList<object?>)[new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc), "s" + i, (long)(i + 1)]).ToList();

        var chart = ChartShaper.Shape(Visualization.TimeChart, new TileData([new("T", "datetime"), new("S", "string"), new("N", "long")], rows))!;

        Assert.That(chart.Series, Has.Count.EqualTo(ChartShaper.MaxSeries + 1));
        Assert.That(chart.Series[^1].Label, Is.EqualTo("other"));
        Assert.That(chart.Series[^1].Values.Single(), Is.EqualTo(1 + 2 + 3 + 4));
    }

    [Test]
    public void Empty_tiles_say_why_and_failed_tiles_show_the_error()
    {
        var spec = Repo.WithMayBeEmpty(Repo.LoadSpec(Path.Combine(Repo.WorkbooksFolder, "agent-tool-calls.workbook.yaml")),
            "Calls to internal, loopback or metadata addresses", "Only SSRF attempts produce rows; none is the normal state.");
        var page = new PreviewPage(spec, [], [.. spec.Sections.Select(s => new PreviewSection(s, true,
            [.. s.Tiles.Select((t, i) => new PreviewTile(t, TileData.Empty, i == 0 ? "operator 'evaluate' <x>" : null))]))]);

        var html = PreviewPageRenderer.Render(page, ChartJs);

        Assert.That(html, Does.Contain("Only SSRF attempts produce rows; none is the normal state."));
        Assert.That(html, Does.Contain("data-empty-allowed=\"true\""));
        Assert.That(html, Does.Contain("Query failed: operator &#39;evaluate&#39; &lt;x&gt;"));
    }

    [TestCaseSource(typeof(Repo), nameof(Repo.SpecCases))]
    public async Task Every_tile_renders_in_a_real_browser_without_errors(string path)
    {
        BrowserHarness.RequireChromium();
        var spec = Repo.LoadSpec(path);
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "preview-pages");
        Directory.CreateDirectory(folder);
        var pagePath = Path.Combine(folder, spec.Name + ".fixed.html");
        var shotPath = Path.Combine(folder, spec.Name + ".fixed.png");
        await File.WriteAllTextAsync(pagePath, PreviewPageRenderer.Render(FixedResults.PageFor(spec), ChartJs));

        var result = await BrowserHarness.OpenAsync(pagePath, shotPath);

        TestContext.AddTestAttachment(shotPath, spec.Title.Value + " (fixed results)");
        AssertRendered(result, spec.QueryTiles.Count());
    }

    public static void AssertRendered(BrowserResult result, int expectedTiles)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty, "console errors, page errors or failed requests");
            Assert.That(result.Requests, Is.Empty, "the page must not touch the network");
            Assert.That(result.Injected, Is.False, "hostile values must not run as script");
            Assert.That(result.Tiles, Has.Count.EqualTo(expectedTiles));
            foreach (var tile in result.Tiles)
            {
                var drawn = tile.Rendered switch
                {
                    "chart" => tile.PaintedPixels > 500,
                    "table" => tile.Rows > 0,
                    "tiles" => tile.Cards > 0,
                    "empty" => tile.EmptyAllowed,
                    _ => false,
                };
                Assert.That(drawn, Is.True, $"tile '{tile.Name}' ({tile.Kind}) rendered as '{tile.Rendered}' with {tile.Rows} rows, {tile.Cards} cards, {tile.PaintedPixels} painted pixels");
            }
        });
    }
}
