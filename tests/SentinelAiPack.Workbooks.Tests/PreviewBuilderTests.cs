using SentinelAiPack.Workbooks.Preview;
using SentinelAiPack.Workbooks.Queries;

namespace SentinelAiPack.Workbooks.Tests;

public sealed class PreviewBuilderTests
{
    /// <summary>Answers every query with fixed rows for its tile and records what it was asked.</summary>
    private sealed class RecordingRunner(Func<string, TileData> answer) : ITileQueryRunner
    {
        public List<string> Queries { get; } = [];

        public Task<TileData> RunAsync(string query, CancellationToken cancellationToken)
        {
            Queries.Add(query);
            return Task.FromResult(answer(query));
        }
    }

    private static readonly DateTime Start = new(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task Drill_downs_fill_parameters_for_later_tiles_and_open_conditional_sections()
    {
        var spec = Repo.LoadSpec(Path.Combine(Repo.WorkbooksFolder, "prompt-injection.workbook.yaml"));
        var runner = new RecordingRunner(q => new TileData(
            [new("SessionId", "string"), new("UserPrincipalName", "string"), new("TextSource", "string"), new("Findings", "long")],
            [["sess-1", "alice@contoso.com", "UserPrompt", 3L]]));

        var page = await new PreviewBuilder(runner).BuildAsync(spec, RuleCatalog.Empty, Start, Start.AddDays(1), "test data");

        Assert.That(page.Sections.All(s => s.Visible), Is.True, "the transcript section opens once a session is selected");
        Assert.That(page.Parameters.Single(p => p.Name == "Session").Value, Is.EqualTo("sess-1"));
        Assert.That(page.Parameters.Single(p => p.Name == "TimeRange").Value, Is.EqualTo("2025-06-30 00:00 to 2025-07-01 00:00 UTC"));
        var transcript = runner.Queries[^1];
        Assert.That(transcript, Does.Contain("base64_decode_tostring('" + Convert.ToBase64String("sess-1"u8.ToArray()) + "')"));
        Assert.That(transcript, Does.Contain("between (datetime(2025-06-30T00:00:00.000Z) .. datetime(2025-07-01T00:00:00.000Z))"));
        Assert.That(runner.Queries, Has.None.Match(@"\{(TimeRange|Deployment|User|Session)[:}]"), "every reference was replaced by a value");
        Assert.That(PreviewBuilder.Problems(page), Is.Empty);
    }

    [Test]
    public async Task Empty_and_failed_tiles_are_reported_unless_the_spec_allows_empty()
    {
        var spec = Repo.WithMayBeEmpty(Repo.LoadSpec(Path.Combine(Repo.WorkbooksFolder, "agent-tool-calls.workbook.yaml")),
            "Calls to internal, loopback or metadata addresses", "Only SSRF attempts produce rows.");
        var calls = 0;
        var runner = new FailingFirst(() => calls++);

        var page = await new PreviewBuilder(runner).BuildAsync(spec, RuleCatalog.Empty, Start, Start.AddDays(1), "empty data");

        var problems = PreviewBuilder.Problems(page);
        Assert.That(problems[0], Is.EqualTo("tile 'Tool calls by action kind' failed: operator 'evaluate' is not supported"));
        Assert.That(problems, Has.None.Contains("internal, loopback"), "that tile may be empty");
        Assert.That(problems, Has.Some.EqualTo("tile 'Most frequent mail and web destinations' returned no rows"));
        Assert.That(problems, Has.Some.StartsWith("section 'Conversation before the call' stayed hidden"));
    }

    private sealed class FailingFirst(Func<int> count) : ITileQueryRunner
    {
        public Task<TileData> RunAsync(string query, CancellationToken cancellationToken) =>
            count() == 0 ? throw new TileQueryException("operator 'evaluate' is not supported") : Task.FromResult(TileData.Empty);
    }
}
