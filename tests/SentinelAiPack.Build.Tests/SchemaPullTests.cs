using System.Text.Json.Nodes;
using SentinelAiPack.Build.Tests.Support;

namespace SentinelAiPack.Build.Tests;

/// <summary>`aipack schema pull`: the workspace's real schemas in the Azure-Sentinel format and the drift from the pinned ones.</summary>
public sealed class SchemaPullTests
{
    [Test]
    public async Task Writes_real_schemas_and_reports_added_removed_and_retyped_columns()
    {
        using var pack = PackFolder.CopyOfFixture();
        await using var bed = await AzureBed.StartAsync();
        bed.LogAnalytics.Tables["FixtureTurn_CL"] =
        [
            ("TimeGenerated", "datetime"), ("SessionId", "string"), ("UserPrincipalName", "string"), ("ClientIp", "dynamic"),
            ("Role", "string"), ("Content", "string"), ("AppVersion", "string"), ("TenantId", "string"), ("Type", "string"), ("_ResourceId", "string"),
        ];

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, "schema", "pull", "--workspace-id", AzureBed.WorkspaceId, "--out", "pulled");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(bed.LogAnalytics.Queries.Select(q => q.Query).Order(), Is.EqualTo(new[] { "['AzureActivity'] | getschema", "['FixtureTurn_CL'] | getschema" }),
                "every table the pack reads, also through its parser");
            Assert.That(result.Out, Does.Contain("FixtureTurn_CL: + AppVersion (string) is in the workspace but not in the pinned schema"));
            Assert.That(result.Out, Does.Contain("FixtureTurn_CL: ~ ClientIp is string in the pinned schema, dynamic in the workspace"));
            Assert.That(result.Out, Does.Contain("AzureActivity: the workspace has no such table"));
            Assert.That(result.Out, Does.Contain("Pulled 1 of 2 table schema(s)"));
        });
        var written = JsonNode.Parse(pack.Read("pulled/FixtureTurn_CL.json"))!;
        Assert.That(written["Name"]!.GetValue<string>(), Is.EqualTo("FixtureTurn_CL"));
        Assert.That(written["Properties"]!.AsArray().Select(p => $"{p!["Name"]}:{p["Type"]}"),
            Is.EqualTo(new[] { "TimeGenerated:DateTime", "SessionId:String", "UserPrincipalName:String", "ClientIp:Dynamic", "Role:String", "Content:String", "AppVersion:String", "TenantId:String", "Type:String", "_ResourceId:String" }));
        Assert.That(File.Exists(pack.PathOf("pulled/AzureActivity.json")), Is.False);
    }

    [Test]
    public async Task Removed_columns_are_reported_and_fail_on_drift_fails()
    {
        using var pack = PackFolder.CopyOfFixture();
        await using var bed = await AzureBed.StartAsync();
        bed.LogAnalytics.Tables["FixtureTurn_CL"] = [("TimeGenerated", "datetime"), ("SessionId", "string"), ("UserPrincipalName", "string"), ("ClientIp", "string"), ("Role", "string"), ("TenantId", "string"), ("Type", "string"), ("_ResourceId", "string")];
        bed.AddTableFromSchema(Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "AzureActivity.json"));

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, "schema", "pull", "--workspace-id", AzureBed.WorkspaceId, "--fail-on-drift");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain("FixtureTurn_CL: - Content (string) is pinned but not in the workspace"));
        Assert.That(result.Out, Does.Not.Contain("AzureActivity:"), "the pinned AzureActivity matches the workspace");
        Assert.That(File.Exists(pack.PathOf("workspace-schemas/AzureActivity.json")), Is.True);
    }

    [Test]
    public async Task A_wrong_audience_is_reported_without_a_stack_trace()
    {
        using var pack = PackFolder.CopyOfFixture();
        await using var bed = await AzureBed.StartAsync();
        bed.Credential.ForcedAudience = "https://management.azure.com";

        var result = await Aipack.RunAsync(pack.Root, bed.Connection, "schema", "pull", "--workspace-id", AzureBed.WorkspaceId);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.StartWith("aipack: Azure request failed: Log Analytics query: HTTP 403").And.Contain("InvalidAuthenticationTokenAudience"));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }
}
