using SentinelAiPack.Build.Docs;
using SentinelAiPack.Build.Tests.Support;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Build.Tests;

/// <summary>docs/watchlists.md: which watchlists the content reads, their columns from the tests samples, and who reads them.</summary>
public sealed class WatchlistsPageTests
{
    private const string RuleFile = "detections/prompt-injection/analytics/FixtureInjection.yaml";
    private const string RuleTestsFile = "detections/prompt-injection/analytics/FixtureInjection.tests.yaml";
    private const string HuntFile = "detections/prompt-injection/hunting/FixtureHunt.yaml";
    private const string WorkbookFile = "workbooks/fixture.workbook.yaml";

    private static PackFolder s_pack = null!;
    private static PackContent s_content = null!;
    private static BuildOutput s_build = null!;

    /// <summary>
    /// The fixture with a red-team exclusion in the rule (whose tests file declares the watchlist with an extra column),
    /// the same watchlist in the workbook, and a hunting query that only mentions a watchlist in a comment.
    /// </summary>
    [OneTimeSetUp]
    public async Task BuildFixtureWithWatchlists()
    {
        var pack = s_pack = PackFolder.CopyOfFixture();
        pack.Edit(RuleFile, "  | where Role == \"user\" and Content has \"ignore previous instructions\"\n",
            "  | where Role == \"user\" and Content has \"ignore previous instructions\"\n  | where UserPrincipalName !in ((_GetWatchlist('FixtureRedTeamAccounts') | project SearchKey))\n");
        pack.Edit(RuleTestsFile, "cases:\n",
            "watchlists:\n  FixtureRedTeamAccounts: [ { SearchKey: redteam@contoso.com, \"Own|er\": soc }, { SearchKey: \"<b>pen|test</b>\" } ]\ncases:\n");
        pack.Edit(WorkbookFile, "          FixtureTurns()\n",
            "          FixtureTurns()\n          | where UserPrincipalName !in ((_GetWatchlist(\"FixtureRedTeamAccounts\") | project SearchKey))\n");
        var hunt = pack.Read(HuntFile);
        var query = hunt.IndexOf("query: |\n", StringComparison.Ordinal);
        Assert.That(query, Is.GreaterThan(0), "fixture hunting query has no block query");
        pack.Write(HuntFile, hunt.Insert(query + "query: |\n".Length, "  // Tuning idea: exclude _GetWatchlist('FixtureCommentOnly') once it exists.\n"));
        s_content = await LoadedPack.LoadAsync(pack.Root);
        s_build = PackBuilder.Generate(s_content);
    }

    /// <summary>The copy stays until the end: the page reads the tests and workbook files when it renders.</summary>
    [OneTimeTearDown]
    public void DeleteCopy() => s_pack.Dispose();

    private static string Text(string path) => s_build.Files.Single(f => f.RelativePath == path).TextContent;

    [Test]
    public void Page_lists_the_watchlist_with_its_sample_columns_and_the_items_that_read_it()
    {
        var page = Text("docs/watchlists.md");
        var section = page[page.IndexOf("## FixtureRedTeamAccounts\n", StringComparison.Ordinal)..];
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.StartWith("# Watchlists\n\n1 watchlist(s) read by"));
            Assert.That(page, Does.Contain("| `FixtureRedTeamAccounts` | SearchKey, Own\\|er | 2 item(s) |"), "summary row: SearchKey first, then the sample's columns, escaped for the cell");
            Assert.That(section, Does.Contain("- Columns: `SearchKey`, `Own|er`\n"));
            Assert.That(section, Does.Contain("- SearchKey values in the tests samples: `<b>pen|test</b>`, `redteam@contoso.com`\n"), "sorted, as inline code");
            Assert.That(section, Does.Contain("| [Fixture - instruction override in a user prompt](analytics/prompt-injection/FixtureInjection.md) | Analytics rule |"));
            Assert.That(section, Does.Contain("| Fixture injection attempts (`fixture.workbook.yaml`) | Workbook |"), "double-quoted alias in a workbook tile");
            Assert.That(page, Does.Contain("returns no rows"), "what an absent watchlist means");
            Assert.That(page, Does.Not.Contain("FixtureCommentOnly"), "a call in a comment is not a read: the analyzer sees no _GetWatchlist call");
        });
    }

    [Test]
    public void Index_links_the_watchlists_page() =>
        Assert.That(Text("docs/index.md"), Does.Contain("[Watchlists](watchlists.md)"));

    [Test]
    public void Page_is_the_same_on_every_build() =>
        Assert.That(WatchlistsPage.Render(s_content), Is.EqualTo(Text("docs/watchlists.md")));

    [TestCase("_GetWatchlist('AIPackRedTeamAccounts')", new[] { "AIPackRedTeamAccounts" })]
    [TestCase("_GetWatchlist( \"A-b_1\" ) | join (_GetWatchlist('Zed')) on SearchKey | union _GetWatchlist('zed')", new[] { "A-b_1", "Zed" })]
    [TestCase("_GetWatchlist(@'Verbatim')", new[] { "Verbatim" })]
    [TestCase("let alias = 'X'; _GetWatchlist(alias)", new string[0])]
    [TestCase("_GetWatchlist(strcat('A', 'B'))", new string[0])]
    [TestCase("My_GetWatchlist('NotOurs')", new string[0])]
    [TestCase("_GetWatchlist('Unclosed\")", new string[0])]
    public void Aliases_are_the_literal_arguments_of_GetWatchlist_calls(string query, string[] expected) =>
        Assert.That(WatchlistCalls.Aliases(query), Is.EqualTo(expected));

    [Test]
    public async Task The_repository_reads_the_30_pack_watchlists()
    {
        var content = await LoadedPack.LoadAsync(RepositoryPaths.Root);
        var found = WatchlistCatalog.Find(content);
        string[] expected =
        [
            "AIPackAgentAdministrators", "AIPackAgentAllowedDestinations", "AIPackAgentFileScopes", "AIPackAllowedEmailDomains",
            "AIPackAllowedImageHosts", "AIPackAllowedInternalHosts", "AIPackApprovedComputeSkus", "AIPackBenignTools",
            "AIPackDefenderAlertTypesExcluded", "AIPackDetectionRuleNames", "AIPackHighVolumeIdentities",
            "AIPackInjectionTestApps", "AIPackInternalDomains", "AIPackKnowledgeBaseContainers", "AIPackKnowledgeBaseWriters",
            "AIPackKnownAiNetworks", "AIPackModelPrices", "AIPackModelStorageContainers", "AIPackOutputPolicyExemptApps",
            "AIPackRedTeamAccounts", "AIPackReleasePipelineIdentities", "AIPackRetrievalServiceAccounts",
            "AIPackSanctionedAIServices", "AIPackSecurityTrimmedIndexes", "AIPackSharedKnowledgeIndexes",
            "AIPackTrainingEgressAllowlist", "AIPackTrainingPipelineIdentities", "AIPackTrainingSchedules",
            "AIPackTrainingSubnets", "AIPackUnattendedTools",
        ];
        Assert.Multiple(() =>
        {
            Assert.That(found.Select(w => w.Alias), Is.EqualTo(expected));
            Assert.That(found.Single(w => w.Alias == "AIPackTrainingSchedules").Columns, Is.EqualTo(new[] { "SearchKey", "Days", "EndHourUtc", "StartHourUtc" }));
            Assert.That(found.Single(w => w.Alias == "AIPackTrainingSubnets").Readers.Select(r => r.Kind), Does.Contain(WatchlistReaderKind.Workbook));
        });
    }
}
