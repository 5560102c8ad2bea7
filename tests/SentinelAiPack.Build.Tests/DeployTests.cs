using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Deploy;
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

    private const string FunctionAppDeployment = "aipack-playbooks-enrichment-function-app";
    private const string PlaybookDeployment = "aipack-playbooks-AIPack-EnrichConversationContext";
    private const string AutomationRuleDeployment = "aipack-automation-rules-AIPack-RunConversationContext";

    [Test]
    public async Task Deploys_every_template_in_order_tables_then_parsers_then_rules_then_playbooks()
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
            FunctionAppDeployment,
            PlaybookDeployment,
            AutomationRuleDeployment,
        }));
        Assert.Multiple(() =>
        {
            Assert.That(bed.Arm.Deployments.All(d => d.Mode == "Incremental"), Is.True);
            Assert.That(bed.Arm.Deployments.Where(d => d.Name != PlaybookDeployment).All(d => d.Parameters["workspace"]!["value"]!.GetValue<string>() == "ws-sentinel"), Is.True,
                "every template that declares workspace gets it");
            Assert.That(bed.Arm.Deployments.Single(d => d.Name == PlaybookDeployment).Parameters["workspace"], Is.Null, "the playbook does not declare workspace: ARM would reject the value");
            Assert.That(bed.LogAnalytics.Queries.Select(q => q.Query), Is.EquivalentTo(new[] { "['AzureActivity'] | getschema" }),
                "custom tables the deployment creates are not asked for");
            Assert.That(bed.Credential.RequestedScopes, Does.Contain("https://management.azure.com/.default").And.Contain("https://api.loganalytics.io/.default"));
            Assert.That(bed.Server.Requests.Where(r => r.Path.Contains("/providers/Microsoft.Resources/deployments/", StringComparison.Ordinal)).All(r => r.Audience == "https://management.azure.com"), Is.True);
            Assert.That(result.Out, Does.Contain("Summary: 9 deployed, 0 failed, 0 skipped."));
            Assert.That(result.Out, Does.Contain("[1/9] deployed 1-tables/custom-tables.json"));
            Assert.That(result.Out, Does.Contain("[8/9] deployed 6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json"));
            Assert.That(result.Out, Does.Contain("[9/9] deployed 7-automation-rules/AIPack-RunConversationContext.json"));
        });
        foreach (var deployment in bed.Arm.Deployments)
        {
            var declared = deployment.Template["parameters"]!.AsObject();
            Assert.That(deployment.Parameters.Select(p => p.Key), Is.SubsetOf(declared.Select(p => p.Key)), $"{deployment.Name}: only declared parameters");
            Assert.That(declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key), Is.SubsetOf(deployment.Parameters.Select(p => p.Key)),
                $"{deployment.Name}: every parameter without a default has a value");
        }
        var playbook = bed.Arm.Deployments.Single(d => d.Name == PlaybookDeployment);
        Assert.Multiple(() =>
        {
            Assert.That(playbook.Parameters.Select(p => p.Key), Is.EquivalentTo(new[] { "FunctionAppName", "FunctionAudience" }));
            Assert.That(playbook.Parameters["FunctionAppName"]!["value"]!.GetValue<string>(), Is.EqualTo("aipack-enrich-fn"));
            Assert.That(TemplateChecks.Resources(playbook.Template).Select(r => r["type"]!.GetValue<string>()), Is.EquivalentTo(new[] { "Microsoft.Web/connections", "Microsoft.Logic/workflows" }));
            var functionApp = bed.Arm.Deployments.Single(d => d.Name == FunctionAppDeployment);
            Assert.That(functionApp.Parameters["FunctionAppName"]!["value"]!.GetValue<string>(), Is.EqualTo("aipack-enrich-fn"), "one --parameter reaches every template declaring it");
            Assert.That(functionApp.Parameters["FunctionAudience"], Is.Null);
            Assert.That(functionApp.Template["parameters"]!["WorkspaceName"]!["defaultValue"]!.GetValue<string>(), Is.EqualTo("[parameters('workspace')]"));
            var automationRule = TemplateChecks.Resources(bed.Arm.Deployments.Single(d => d.Name == AutomationRuleDeployment).Template).Single();
            Assert.That(automationRule["type"]!.GetValue<string>(), Is.EqualTo("Microsoft.OperationalInsights/workspaces/providers/automationRules"));
        });
    }

    [Test]
    public async Task Templates_missing_a_parameter_value_are_skipped_with_the_option_to_pass_and_their_automation_rule_too()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgsWithoutParameters("--parameter", "FunctionAppName=aipack-enrich-fn"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.Contain("aipack: 6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json will not be deployed: no value for FunctionAudience (a parameter without a default); pass --parameter FunctionAudience=…"));
            Assert.That(result.Error, Does.Contain("aipack: 6-playbooks/function-app/azuredeploy.json will not be deployed: no value for AuthClientId, DcrResourceId (parameters without a default); pass --parameter AuthClientId=… --parameter DcrResourceId=…"),
                "IngestionEndpoint is an output of the custom tables deployment; DcrResourceId is not, the fixture has no inventory table");
            Assert.That(result.Out, Does.Contain("skipped: 6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json: not deployed: no value for FunctionAudience (a parameter without a default); pass --parameter FunctionAudience=…"));
            Assert.That(result.Out, Does.Contain("skipped: 7-automation-rules/AIPack-RunConversationContext.json: not deployed: 6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json, which it needs, was not deployed"));
            Assert.That(result.Out, Does.Contain("Summary: 6 deployed, 0 failed, 3 skipped."));
            Assert.That(bed.Arm.Deployments.Select(d => d.Name), Has.None.StartWith("aipack-playbooks").And.None.StartWith("aipack-automation-rules"));
            Assert.That(bed.Server.Requests.Where(r => r.Path.Contains("enrich", StringComparison.OrdinalIgnoreCase) || r.Path.Contains("AIPack-Run", StringComparison.Ordinal)), Is.Empty,
                "a skipped template is not even validated");
        });
    }

    /// <summary>The fixture with the enrichers' inventory table, whose data collection rule the tables template then outputs.</summary>
    private static Task<PackFolder> PackWithInventoryTableAsync() => PackFolder.LockedCopyAsync(pack => pack.Write("detections/schemas/AIModelInventory_CL.json", """
        {
          "Name": "AIModelInventory_CL",
          "Properties": [
            { "Name": "TimeGenerated", "Type": "DateTime" },
            { "Name": "ResourceId", "Type": "String" },
            { "Name": "ModelName", "Type": "String" }
          ]
        }
        """));

    [Test]
    public async Task Outputs_of_the_tables_deployment_reach_the_function_app_so_three_parameters_deploy_everything()
    {
        using var pack = await PackWithInventoryTableAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgsWithoutParameters(AzureBed.UserOnlyEnrichmentParameters));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var tables = bed.Arm.Deployments.Single(d => d.Name == "aipack-tables-custom-tables").Template;
        var functionApp = bed.Arm.Deployments.Single(d => d.Name == FunctionAppDeployment).Parameters;
        Assert.Multiple(() =>
        {
            Assert.That(tables["outputs"]!["DcrResourceId"]!["value"]!.GetValue<string>(),
                Is.EqualTo("[resourceId('Microsoft.Insights/dataCollectionRules', concat(parameters('dataCollectionRulePrefix'), 'AIModelInventory_CL'))]"));
            Assert.That(tables["outputs"]!["IngestionEndpoint"]!["value"]!.GetValue<string>(),
                Is.EqualTo("[reference(resourceId('Microsoft.Insights/dataCollectionEndpoints', parameters('dataCollectionEndpointName')), '2022-06-01').logsIngestion.endpoint]"));
            Assert.That(functionApp["DcrResourceId"]!["value"]!.GetValue<string>(), Is.EqualTo(AzureBed.OutputDcrResourceId));
            Assert.That(functionApp["IngestionEndpoint"]!["value"]!.GetValue<string>(), Is.EqualTo(AzureBed.OutputIngestionEndpoint));
            Assert.That(functionApp["AuthClientId"]!["value"]!.GetValue<string>(), Is.EqualTo("0b3c1f5e-8d2a-4c6b-9e1f-7a2d3c4b5e6f"));
            Assert.That(bed.Arm.Deployments.Where(d => d.Name != FunctionAppDeployment).SelectMany(d => d.Parameters.Select(p => p.Key)),
                Has.None.EqualTo("DcrResourceId").And.None.EqualTo("IngestionEndpoint"), "outputs go only to templates that declare the parameter");
            Assert.That(result.Error, Does.Not.Contain("will not be deployed"));
            Assert.That(result.Out, Does.Contain("Summary: 9 deployed, 0 failed, 0 skipped."));
            Assert.That(result.Out, Does.Contain("deployed 6-playbooks/function-app/azuredeploy.json (aipack-playbooks-enrichment-function-app): Succeeded; DcrResourceId, IngestionEndpoint from 1-tables/custom-tables.json"));
            Assert.That(result.All, Does.Not.Contain(AzureBed.OutputIngestionEndpoint).And.Not.Contain("dcr-aipack-AIModelInventory_CL")
                .And.Not.Contain("0b3c1f5e-8d2a-4c6b-9e1f-7a2d3c4b5e6f"), "values are never printed");
        });
    }

    [Test]
    public async Task A_parameter_the_user_gives_wins_over_the_deployment_output_of_the_same_name()
    {
        using var pack = await PackWithInventoryTableAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());
        const string userEndpoint = "https://dce-private.westeurope-1.ingest.monitor.azure.com";

        var result = await Aipack.RunAsync(pack.Root, bed.Connection,
            bed.DeployArgsWithoutParameters([.. AzureBed.UserOnlyEnrichmentParameters, "-p", "IngestionEndpoint=" + userEndpoint]));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var functionApp = bed.Arm.Deployments.Single(d => d.Name == FunctionAppDeployment).Parameters;
        Assert.Multiple(() =>
        {
            Assert.That(functionApp["IngestionEndpoint"]!["value"]!.GetValue<string>(), Is.EqualTo(userEndpoint));
            Assert.That(functionApp["DcrResourceId"]!["value"]!.GetValue<string>(), Is.EqualTo(AzureBed.OutputDcrResourceId), "the value the user did not give still comes from the output");
            Assert.That(result.Out, Does.Contain("Succeeded; DcrResourceId from 1-tables/custom-tables.json"));
            Assert.That(result.All, Does.Not.Contain(userEndpoint));
        });
    }

    [Test]
    public async Task What_if_has_no_outputs_to_pass_on_and_says_which_template_would_supply_them()
    {
        using var pack = await PackWithInventoryTableAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgsWithoutParameters([.. AzureBed.UserOnlyEnrichmentParameters, "--what-if"]));

        const string reason = "no value for DcrResourceId, IngestionEndpoint (parameters without a default); pass --parameter DcrResourceId=… --parameter IngestionEndpoint=…; "
            + "1-tables/custom-tables.json outputs DcrResourceId, IngestionEndpoint when deployed in the same run (not by --what-if)";
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.Contain("aipack: 6-playbooks/function-app/azuredeploy.json will not be deployed: " + reason));
            Assert.That(result.Out, Does.Contain("skipped: 6-playbooks/function-app/azuredeploy.json: not deployed: " + reason));
            Assert.That(bed.Arm.Deployments, Is.Empty);
        });
    }

    [Test]
    public async Task Only_playbooks_names_the_template_whose_outputs_would_supply_the_missing_values()
    {
        using var pack = await PackWithInventoryTableAsync();
        await using var bed = await AzureBed.StartAsync();

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgsWithoutParameters([.. AzureBed.UserOnlyEnrichmentParameters, "--only", "playbooks", "--skip-preflight"]));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.Contain("aipack: 6-playbooks/function-app/azuredeploy.json will not be deployed: no value for DcrResourceId, IngestionEndpoint")
                .And.Contain("1-tables/custom-tables.json outputs DcrResourceId, IngestionEndpoint when deployed in the same run"));
            // The playbook runs as the caller identity the Function App template creates: without it, it is not deployed either.
            Assert.That(result.Out, Does.Contain("skipped: 6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json: not deployed: 6-playbooks/function-app/azuredeploy.json, which it needs, was not deployed"));
            Assert.That(bed.Arm.Deployments, Is.Empty);
        });
    }

    [TestCase("FunctionAppNmae=x", "--parameter FunctionAppNmae: no template of the pack declares it")]
    [TestCase("RaiseSeverity=maybe", "--parameter RaiseSeverity: 'maybe' is not a bool (true or false), the type 6-playbooks/function-app/azuredeploy.json declares")]
    [TestCase("ModelResourceGroups=rg-ai", "--parameter ModelResourceGroups: the value is not a JSON array")]
    [TestCase("=x", "--parameter takes NAME=VALUE")]
    [TestCase("workspace=other", "--parameter workspace: use --workspace instead.")]
    public async Task A_wrong_parameter_is_a_usage_error_before_any_request(string parameter, string message)
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs("--parameter", parameter));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(message));
        Assert.That(bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task A_typed_parameter_reaches_the_template_as_its_declared_type()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs(
            "--skip-preflight", "--only", "playbooks", "--parameter", "RaiseSeverity=true", "--parameter", "ModelResourceGroups=[\"rg-ai\",\"rg-ml\"]"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var functionApp = bed.Arm.Deployments.Single(d => d.Name == FunctionAppDeployment).Parameters;
        Assert.That(functionApp["RaiseSeverity"]!["value"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.True));
        Assert.That(functionApp["ModelResourceGroups"]!["value"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "rg-ai", "rg-ml" }));
        Assert.That(bed.Arm.Deployments.Select(d => d.Name), Is.EqualTo(new[] { FunctionAppDeployment, PlaybookDeployment }));
    }

    [Test]
    public async Task A_failed_playbook_skips_the_automation_rule_that_runs_it()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());
        bed.FailTemplatesContaining("Microsoft.Logic/workflows", "WorkflowInvalid", "The workflow definition is not valid.");

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Out, Does.Contain("failed: 6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json").And.Contain("WorkflowInvalid"));
            Assert.That(result.Out, Does.Contain("skipped: 7-automation-rules/AIPack-RunConversationContext.json: not deployed: 6-playbooks/AIPack-EnrichConversationContext/azuredeploy.json, which it needs, was not deployed"));
            Assert.That(result.Out, Does.Contain("Summary: 7 deployed, 1 failed, 1 skipped."));
            Assert.That(bed.Arm.Deployments.Select(d => d.Name), Does.Not.Contain(AutomationRuleDeployment));
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
            Assert.That(bed.Arm.Deployments, Has.Count.EqualTo(8), "everything else is deployed");
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
            Assert.That(bed.Server.Requests.Count(r => r.Path.EndsWith("/whatIf", StringComparison.Ordinal)), Is.EqualTo(9));
            Assert.That(result.Out, Does.Contain("[3/9] whatif 3-analytics-rules/prompt-injection/FixtureInjection.json").And.Contain("1 Create"));
            Assert.That(result.Out, Does.Contain("What-if: 9 predicted, 0 failed, 0 skipped; nothing was changed."));
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
            Assert.That(result.Out, Does.Contain("Summary: 9 deployed, 0 failed, 0 skipped."));
        });
    }

    [Test]
    public async Task A_failed_parser_stops_the_steps_that_depend_on_it()
    {
        using var pack = await PackFolder.LockedCopyAsync();
        await using var bed = await AzureBed.StartAsync();
        bed.AddTableFromSchema(AzureActivitySchema());
        bed.FailTemplatesContaining("functionAlias", "InvalidFunction", "The function query is not valid.");

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, bed.DeployArgs());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Out, Does.Contain("failed: 2-parsers/FixtureTurns.json").And.Contain("InvalidFunction"));
            Assert.That(result.Out, Does.Contain("Summary: 1 deployed, 1 failed, 7 skipped."));
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

    [Test]
    public void A_template_another_one_needs_in_the_same_step_is_deployed_in_an_earlier_wave()
    {
        static ArtifactContribution Item(string key, params string[] dependsOn) => new()
        {
            Key = key, DisplayName = key, Step = DeploymentStep.Playbooks, FileName = key + ".json", Template = [], DependsOn = dependsOn,
        };
        var waves = Deployer.Waves([Item("playbook-a", "function-app"), Item("function-app"), Item("playbook-b", "function-app"), Item("outside", "another-step")]);
        Assert.That(waves.Select(w => w.Select(c => c.Key)), Is.EqualTo(new[] { new[] { "function-app", "outside" }, new[] { "playbook-a", "playbook-b" } }));
    }
}
