using System.Net;
using System.Text.Json.Nodes;
using SentinelAiPack.Azure.Deployments;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.TestSupport.Arm;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.Azure.Tests;

public class ArmDeploymentClientTests
{
    private const string Subscription = "00000000-0000-0000-0000-000000000001";

    private static ArmDeploymentRequest Request(string name = "aipack-rules", string ruleName = "rule-1") => new(
        Subscription,
        "rg-sentinel",
        name,
        JsonNode.Parse($$"""
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "resources": [
                { "type": "Microsoft.OperationalInsights/workspaces/providers/alertRules", "name": "ws/Microsoft.SecurityInsights/{{ruleName}}", "apiVersion": "2025-09-01" }
              ]
            }
            """)!.AsObject(),
        new JsonObject { ["workspace"] = new JsonObject { ["value"] = "ws" } });

    [Test]
    public async Task Deploys_and_polls_the_async_operation_until_succeeded()
    {
        var fake = new FakeArmDeployments { PollsBeforeCompletion = 3, RetryAfterSeconds = 4 };
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ArmDeploymentClient(bed.Credential, bed.Options());

        var result = await client.DeployAsync(Request());

        var deployed = fake.Deployments.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ProvisioningState, Is.EqualTo("Succeeded"));
            Assert.That(result.Id, Does.EndWith("/deployments/aipack-rules"));
            Assert.That(deployed.Mode, Is.EqualTo("Incremental"));
            Assert.That(deployed.Template["resources"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("ws/Microsoft.SecurityInsights/rule-1"));
            Assert.That(deployed.Parameters["workspace"]!["value"]!.GetValue<string>(), Is.EqualTo("ws"));
            Assert.That(bed.Server.Requests.Count(r => r.Path.Contains("operationStatuses", StringComparison.Ordinal)), Is.EqualTo(4));
            Assert.That(bed.Clock.ElapsedDelays.Count(d => d == TimeSpan.FromSeconds(4)), Is.EqualTo(4), "every poll waited the Retry-After");
            Assert.That(bed.Server.Requests.All(r => r.Audience == "https://management.azure.com"), Is.True);
            Assert.That(bed.Server.Requests.All(r => r.QueryString.Contains("api-version=2025-04-01", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task A_finished_deployment_returns_its_outputs_as_arm_reports_them()
    {
        var fake = new FakeArmDeployments { PollsBeforeCompletion = 1 };
        fake.OutputValues["IngestionEndpoint"] = "https://dce.westeurope-1.ingest.monitor.azure.com";
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ArmDeploymentClient(bed.Credential, bed.Options());
        var request = Request();
        request.Template["outputs"] = new JsonObject
        {
            ["IngestionEndpoint"] = new JsonObject { ["type"] = "string", ["value"] = "[reference('dce').logsIngestion.endpoint]" },
            ["Retention"] = new JsonObject { ["type"] = "int", ["value"] = 30 },
        };

        var result = await client.DeployAsync(request);

        var outputs = result.Outputs!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(outputs.GetProperty("IngestionEndpoint").GetProperty("type").GetString(), Is.EqualTo("String"));
            Assert.That(outputs.GetProperty("IngestionEndpoint").GetProperty("value").GetString(), Is.EqualTo("https://dce.westeurope-1.ingest.monitor.azure.com"));
            Assert.That(outputs.GetProperty("Retention").GetProperty("value").GetInt32(), Is.EqualTo(30));
        });
    }

    [Test]
    public async Task A_failed_deployment_throws_with_arms_error()
    {
        var fake = new FakeArmDeployments { FailWhen = _ => ("InvalidTemplate", "Rule query is not valid KQL.") };
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ArmDeploymentClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<ArmDeploymentFailedException>(() => client.DeployAsync(Request()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ProvisioningState, Is.EqualTo("Failed"));
            Assert.That(error.Error!.Code, Is.EqualTo("InvalidTemplate"));
            Assert.That(error.Message, Does.Contain("Rule query is not valid KQL."));
        });
    }

    [Test]
    public async Task Validate_reports_valid_and_invalid_templates_without_deploying()
    {
        var fake = new FakeArmDeployments();
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ArmDeploymentClient(bed.Credential, bed.Options());
        var invalid = Request() with { Template = new JsonObject { ["resources"] = new JsonArray() } };

        var good = await client.ValidateAsync(Request());
        var bad = await client.ValidateAsync(invalid);

        Assert.Multiple(() =>
        {
            Assert.That(good.IsValid, Is.True);
            Assert.That(bad.IsValid, Is.False);
            Assert.That(bad.Error!.Code, Is.EqualTo("InvalidTemplateDeployment"));
            Assert.That(bad.Error.Details.Single().Message, Does.Contain("$schema"));
            Assert.That(fake.Deployments, Is.Empty);
        });
    }

    [Test]
    public async Task What_if_predicts_changes_and_changes_nothing()
    {
        var fake = new FakeArmDeployments();
        await using var bed = await AzureTestBed.StartAsync(fake);
        using var client = new ArmDeploymentClient(bed.Credential, bed.Options());

        var before = await client.WhatIfAsync(Request());
        Assert.That(fake.Deployments, Is.Empty);
        await client.DeployAsync(Request());
        var unchanged = await client.WhatIfAsync(Request());
        var modified = await client.WhatIfAsync(Request(ruleName: "rule-1") with
        {
            Template = JsonNode.Parse(Request().Template.ToJsonString().Replace("2025-09-01", "2025-06-01", StringComparison.Ordinal))!.AsObject(),
        });

        Assert.Multiple(() =>
        {
            Assert.That(before.Changes.Single().ChangeType, Is.EqualTo("Create"));
            Assert.That(unchanged.Changes.Single().ChangeType, Is.EqualTo("NoChange"));
            Assert.That(modified.Changes.Single().ChangeType, Is.EqualTo("Modify"));
            Assert.That(fake.Deployments, Has.Count.EqualTo(1));
            Assert.That(bed.Server.Requests.Count(r => r.Path.Contains("operationResults", StringComparison.Ordinal)), Is.EqualTo(9));
        });
    }

    [Test]
    public async Task Wrong_audience_is_the_documented_401()
    {
        await using var bed = await AzureTestBed.StartAsync(new FakeArmDeployments());
        bed.Credential.ForcedAudience = "https://api.loganalytics.io";
        using var client = new ArmDeploymentClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureAuthenticationException>(() => client.DeployAsync(Request()));
        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.IsWrongAudience, Is.True);
        });
    }

    [Test]
    public async Task Throttled_put_and_polls_are_retried()
    {
        var fake = new FakeArmDeployments();
        await using var bed = await AzureTestBed.StartAsync(fake);
        bed.Server.Faults.Next(1, Fault.Throttle(9), "/deployments/").Next(1, Fault.ServerError(502), "operationStatuses");
        using var client = new ArmDeploymentClient(bed.Credential, bed.Options());

        var result = await client.DeployAsync(Request());

        Assert.Multiple(() =>
        {
            Assert.That(result.ProvisioningState, Is.EqualTo("Succeeded"));
            Assert.That(bed.Clock.ElapsedDelays, Does.Contain(TimeSpan.FromSeconds(9)));
            Assert.That(fake.Deployments, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_polling_url_on_another_host_is_refused()
    {
        await using var bed = await AzureTestBed.StartAsync(new ForgedPollingApi());
        using var client = new ArmDeploymentClient(bed.Credential, bed.Options());

        var error = Assert.ThrowsAsync<AzureResponseFormatException>(() => client.DeployAsync(Request()));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("refusing to poll"));
            Assert.That(bed.Server.Requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase("../other", "rg")]
    [TestCase("name", "rg/../../x")]
    [TestCase("name with space", "rg")]
    public void Names_are_validated_before_any_call(string deployment, string group)
    {
        using var client = new ArmDeploymentClient(new SentinelAiPack.TestSupport.Identity.FakeTokenCredential());
        Assert.ThrowsAsync<ArgumentException>(() => client.ValidateAsync(Request(deployment) with { ResourceGroup = group }));
    }

    /// <summary>A server that tries to send the client's ARM token to another host through Azure-AsyncOperation.</summary>
    private sealed class ForgedPollingApi : IFakeAzureApi
    {
        public string ExpectedAudience => "https://management.azure.com";

        public bool Matches(FakeRequest request) => true;

        public FakeResponse WrongAudience(string? audience) => FakeResponse.Error(401, "InvalidAuthenticationTokenAudience", "wrong");

        public Task<FakeResponse> HandleAsync(FakeRequest request) => Task.FromResult(
            FakeResponse.Json(201, new JsonObject { ["properties"] = new JsonObject { ["provisioningState"] = "Accepted" } })
                .With("Azure-AsyncOperation", "https://attacker.example/steal?api-version=1"));
    }
}
