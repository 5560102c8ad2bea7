using SentinelAiPack.Build.Tests.Support;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.Build.Tests;

/// <summary>
/// `aipack deploy` against a loopback server implementing the Log Analytics query API (getschema, missing-table 400)
/// and the ARM deployments API (validate, what-if, PUT with long-running polling, 429 with Retry-After).
/// </summary>
public sealed class DeployTests
{
    private const string NrtRuleId = "6e1d7b3c-8f2a-4b4c-8d9e-2f3a4b5c6d72";

    /// <summary>The pinned AzureActivity schema the tool ships (copied beside the tests with the CLI).</summary>
    private static string AzureActivitySchema()
    {
        return Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "AzureActivity.json");
    }

    [Test]
    public async Task Deploys_every_template_in_order_tables_then_parsers_then_rules()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var names = bed.Arm.Deployments.Select(d => d.Name).ToList();
        Assert.That(names, Is.EqualTo(new[]
        {
            "aipack-tables-custom-tables",
            "aipack-parsers-0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a50",
            "aipack-analytics-rules-5d0c6a2b-7e1f-4a3b-9c8d-1e2f3a4b5c61",
            "aipack-analytics-rules-" + NrtRuleId,
            "aipack-hunting-queries-7f2e8c4d-9a3b-4c5d-9e0f-3a4b5c6d7e83",
            "aipack-workbooks-sentinel-AIPackFixture",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(bed.Arm.Deployments.All(d => d.Mode == "Incremental" && d.Parameters["workspace"]!["value"]!.GetValue<string>() == "ws-sentinel"), Is.True);
            Assert.That(bed.LogAnalytics.Queries.Select(q => q.Query), Is.EquivalentTo(new[] { "['AzureActivity'] | getschema" }),
                "custom tables the deployment creates are not asked for");
            Assert.That(bed.Credential.RequestedScopes, Does.Contain("https://management.azure.com/.default").And.Contain("https://api.loganalytics.io/.default"));
            Assert.That(bed.Server.Requests.Where(r => r.Path.Contains("/providers/Microsoft.Resources/deployments/", StringComparison.Ordinal)).All(r => r.Audience == "https://management.azure.com"), Is.True);
            Assert.That(result.Out, Does.Contain("Summary: 6 deployed, 0 failed, 0 skipped."));
            Assert.That(result.Out, Does.Contain("[1/6] deployed 1-tables/custom-tables.json"));
        });
    }

    [Test]
    public async Task Pre_flight_reports_a_missing_table_and_skips_the_rule_that_reads_it()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.Contain("FixtureNrtActivity.yaml").And.Contain("error SAP8030")
                .And.Contain("'Fixture - Azure ML workspace key listed' reads table AzureActivity, which the workspace does not have."));
            Assert.That(result.Out, Does.Contain("asked the workspace for 1 table(s): 0 present, 1 missing; 1 error(s)"));
            Assert.That(bed.Arm.Deployments.Select(d => d.Name), Does.Not.Contain("aipack-analytics-rules-" + NrtRuleId));
            Assert.That(bed.Arm.Deployments, Has.Count.EqualTo(5), "everything else is deployed");
            Assert.That(result.Out, Does.Contain("skipped: 3-analytics-rules/prompt-injection/FixtureNrtActivity.json: not deployed: the pre-flight found tables or columns it reads missing"));
        });
        Assert.That(result.Error, Does.Not.Contain("FixtureInjection.yaml"), "AzureActivity is only an optional (isfuzzy) source of the parser the other rule reads");
    }

    [Test]
    public async Task Pre_flight_reports_a_missing_column_by_table_and_name()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema(), "OperationNameValue", "CallerIpAddress");

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs("--what-if"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.Contain("FixtureNrtActivity.yaml").And.Contain("error SAP8031")
                .And.Contain("reads AzureActivity.CallerIpAddress, AzureActivity.OperationNameValue, which the workspace's AzureActivity does not have."));
            Assert.That(result.Error, Does.Contain("FixtureTurns.yaml").And.Contain("warning SAP8031").And.Contain("AzureActivity.CallerIpAddress"),
                "the parser reads them too, in a fuzzy union: a warning, not an error");
            Assert.That(result.Error, Does.Contain("FixtureInjection.yaml").And.Contain("warning SAP8031").And.Contain("through FixtureTurns()"));
        });
    }

    [Test]
    public async Task What_if_predicts_and_changes_nothing()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs("--what-if"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(bed.Arm.Deployments, Is.Empty, "what-if never PUTs a deployment");
            Assert.That(bed.Server.Requests.Any(r => r.Method == "PUT"), Is.False);
            Assert.That(bed.Server.Requests.Count(r => r.Path.EndsWith("/whatIf", StringComparison.Ordinal)), Is.EqualTo(6));
            Assert.That(result.Out, Does.Contain("[3/6] whatif 3-analytics-rules/prompt-injection/FixtureInjection.json").And.Contain("1 Create"));
            Assert.That(result.Out, Does.Contain("What-if: 6 predicted, 0 failed, 0 skipped; nothing was changed."));
        });
    }

    [Test]
    public async Task A_throttled_deployment_succeeds_after_retry_after()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());
        bed.Server.Faults
            .Next(1, Fault.Throttle(7), "deployments/aipack-analytics-rules-5d0c6a2b")
            .Next(1, Fault.Throttle(11), "operationStatuses")
            .Next(1, Fault.Throttle(13), "/query");

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(bed.Server.Faults.Pending, Is.Zero, "every throttle was hit");
            Assert.That(bed.Server.Requests.Count(r => r.Status == 429), Is.EqualTo(3));
            Assert.That(bed.Clock.RequestedDelays, Does.Contain(TimeSpan.FromSeconds(7)).And.Contain(TimeSpan.FromSeconds(11)).And.Contain(TimeSpan.FromSeconds(13)));
            Assert.That(bed.Arm.Deployments.Select(d => d.Name), Does.Contain("aipack-analytics-rules-5d0c6a2b-7e1f-4a3b-9c8d-1e2f3a4b5c61"));
            Assert.That(result.Out, Does.Contain("Summary: 6 deployed, 0 failed, 0 skipped."));
        });
    }

    [Test]
    public async Task A_failed_parser_stops_the_steps_that_depend_on_it()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());
        bed.Arm.FailWhen = template => template.ToJsonString().Contains("functionAlias", StringComparison.Ordinal)
            ? ("InvalidFunction", "The function query is not valid.")
            : null;

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Out, Does.Contain("failed: 2-parsers/FixtureTurns.json").And.Contain("InvalidFunction"));
            Assert.That(result.Out, Does.Contain("Summary: 1 deployed, 1 failed, 4 skipped."));
            Assert.That(bed.Arm.Deployments.Select(d => d.Name), Is.EqualTo(new[] { "aipack-tables-custom-tables", "aipack-parsers-0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a50" }));
        });
    }

    [Test]
    public async Task Only_rules_asks_the_workspace_for_the_custom_tables_too()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs("--only", "analytics-rules"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(bed.LogAnalytics.Queries.Select(q => q.Query), Does.Contain("['FixtureTurn_CL'] | getschema"));
        Assert.That(bed.Arm.Deployments, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_credential_for_the_wrong_audience_stops_before_anything_is_deployed()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.Credential.ForcedAudience = "https://storage.azure.com";

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("aipack: Azure request failed").And.Contain("InvalidAuthenticationTokenAudience"));
        Assert.That(bed.Arm.Deployments, Is.Empty);
        Assert.That(result.All, Does.Not.Contain(bed.Credential.IssuedTokens.First()), "no token in the output");
    }

    [TestCase("--subscription", "not-a-guid", "is not a subscription id")]
    [TestCase("--workspace-id", "nope", "is not a workspace id")]
    [TestCase("--only", "workbooks,bogus", "'bogus' is not a step")]
    public async Task Bad_arguments_are_usage_errors(string option, string value, string message)
    {
        using var pack = PackFolder.CopyOfFixture();
        await using var bed = await AzureBed.StartAsync();
        var args = bed.DeployArgs().ToList();
        var index = args.IndexOf(option);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }
        var result = await Aipack.RunAsync(pack.Root, bed.Connection, [.. args]);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(message));
        Assert.That(bed.Server.Requests, Is.Empty);
    }
}
