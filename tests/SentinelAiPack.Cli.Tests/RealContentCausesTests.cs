using System.Text.Json;

namespace SentinelAiPack.Cli.Tests;

/// <summary>
/// One test per cause of false findings that `aipack validate` showed on a real Azure-Sentinel content repository
/// (issue 15), end to end with the real analyzer on small files written here in the shapes that content has.
/// </summary>
public class RealContentCausesTests
{
    private string _work = null!;

    [SetUp]
    public void SetUp() => _work = Directory.CreateTempSubdirectory("aipack-causes").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_work, recursive: true);

    private sealed record Finding(string File, int Line, int Column, string Severity, string Code, string Message);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_work, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private async Task<List<Finding>> Validate(params string[] args)
    {
        var result = await CliRunner.RunAsync(_work, ["validate", .. args, "--format", "json"]);
        Assert.That(result.Error, Is.Empty, "no internal error");
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => new Finding(d.GetProperty("file").GetString()!, d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(),
                d.GetProperty("severity").GetString()!, d.GetProperty("code").GetString()!, d.GetProperty("message").GetString()!))
            .ToList();
    }

    private static string Hunting(string query, string connectors = "[]", string tactics = "[]") => $"""
        id: 0d4f2b8e-5c1a-4e7b-9a3d-6f2e8c1b4a70
        name: Sample hunting query
        description: A query shaped like real content.
        requiredDataConnectors: {connectors}
        tactics: {tactics}
        relevantTechniques: []
        query: |
        {Indent(query)}
        """;

    private static string Rule(string query, string connectors, string tactics = "[InitialAccess]") => $"""
        id: 4b8e0d2f-1a5c-4e7b-8a3d-2f6e8c1b4a71
        name: Sample analytics rule
        description: A rule shaped like real content.
        severity: Low
        requiredDataConnectors: {connectors}
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        tactics: {tactics}
        relevantTechniques: []
        query: |
        {Indent(query)}
        version: 1.0.0
        kind: Scheduled
        """;

    private static string Indent(string query) => string.Join("\n", query.Split('\n').Select(line => "  " + line));

    [Test]
    public async Task An_unknown_table_is_one_finding_at_its_first_use_and_its_columns_are_not_reported()
    {
        Write("hunting/q.yaml", Hunting("let a = NoSuchTable | where Timestamp > ago(1d) | project A, B;\nlet b = NoSuchTable | where C == 1;\na | union b | where D == 2"));
        var findings = await Validate("hunting");

        var unknown = findings.Where(f => f.Code is "SAP3001" or "SAP3002").ToList();
        Assert.That(unknown, Has.Count.EqualTo(1), string.Join("\n", findings));
        Assert.That((unknown[0].Line, unknown[0].Column), Is.EqualTo((8, 11)), "the first use");
        Assert.That(unknown[0].Message, Does.StartWith("'NoSuchTable' is not a table or function").And.Contain("used 2 times"));
    }

    [Test]
    public async Task A_misspelt_column_used_twice_is_one_finding_and_a_rename_of_it_is_the_same_cause()
    {
        Write("hunting/q.yaml", Hunting("SigninLogs\n| where UserPrincipalNme has 'admin'\n| extend U = tolower(UserPrincipalNme)\n| project-rename Who = UserPrincipalNme"));
        var findings = await Validate("hunting");

        var columns = findings.Where(f => f.Code.StartsWith("SAP2", StringComparison.Ordinal) || f.Code.StartsWith("SAP3", StringComparison.Ordinal)).ToList();
        Assert.That(columns, Has.Count.EqualTo(1), string.Join("\n", findings));
        Assert.That(columns[0].Code, Is.EqualTo("SAP3002"));
        Assert.That((columns[0].Line, columns[0].Column), Is.EqualTo((9, 11)));
        Assert.That(columns[0].Message, Does.Contain("used 3 times").And.Contain("Did you mean 'UserPrincipalName'?"));
    }

    [Test]
    public async Task Clr_type_names_of_azure_sentinel_schema_files_are_kusto_types_and_only_nonsense_is_reported_once()
    {
        Write("schemas/Vendor_CL.json", """
            {"Name": "Vendor_CL", "Properties": [
              {"Name": "Flag_b", "Type": "SByte"}, {"Name": "Count_d", "Type": "Int32"}, {"Name": "Total", "Type": "Int64"},
              {"Name": "Level", "Type": "Integer"}, {"Name": "Ratio", "Type": "Double"}, {"Name": "Seen", "Type": "DateTime"},
              {"Name": "When", "Type": "Date/time"}, {"Name": "Id", "Type": "Guid"}, {"Name": "Raw", "Type": "Object"},
              {"Name": "Name", "Type": "System.String"}, {"Name": "Ok", "Type": "Boolean"}, {"Name": "Odd", "Type": "Blob"}
            ]}
            """);
        Write("hunting/q.yaml", Hunting(
            "Vendor_CL\n| where Flag_b == true and Ok and Seen > ago(1d) and When < now()\n| extend N = Count_d + Total + Level, R = Ratio * 2.0, K = tostring(Raw.key), I = tostring(Id)\n| where Odd == 'x' and Odd != 'y'\n| project Name, N, R, K, I"));
        var findings = await Validate("hunting", "--schemas", "schemas");

        Assert.That(findings.Where(f => f.File.StartsWith("hunting", StringComparison.Ordinal) && f.Severity == "error"), Is.Empty, string.Join("\n", findings));
        var unknownType = findings.Where(f => f.Code == "SAP5022").ToList();
        Assert.That(unknownType, Has.Count.EqualTo(1));
        Assert.That((unknownType[0].File, unknownType[0].Severity), Is.EqualTo(("schemas/Vendor_CL.json", "warning")));
        Assert.That(unknownType[0].Message, Does.Contain("'Blob'").And.Contain("kept as dynamic"));
    }

    [Test]
    public async Task Free_form_hunting_tactics_are_warnings_with_the_reason_but_stay_errors_on_analytics_rules()
    {
        Write("hunting/q.yaml", Hunting("SigninLogs | take 1", tactics: "['Initial access']"));
        Write("rules/r.yaml", Rule("SigninLogs | take 1", "[{connectorId: AzureActiveDirectory, dataTypes: [SigninLogs]}]", tactics: "['Initial access']"));
        var findings = await Validate("hunting", "rules");

        var hunting = findings.Single(f => f.Code == "SAP1028" && f.File.StartsWith("hunting", StringComparison.Ordinal));
        var rule = findings.Single(f => f.Code == "SAP1028" && f.File.StartsWith("rules", StringComparison.Ordinal));
        Assert.That(hunting.Severity, Is.EqualTo("warning"));
        Assert.That(hunting.Message, Does.Contain("free-form tags"));
        Assert.That(rule.Severity, Is.EqualTo("error"));
    }

    [Test]
    public async Task Standard_tables_come_from_the_shipped_catalogue_with_the_defender_columns()
    {
        Write("hunting/q.yaml", Hunting(
            "DeviceEvents\n| where Timestamp > ago(1d) and TimeGenerated > ago(1d)\n| join kind=inner (DnsEvents | project Computer, Name) on $left.DeviceName == $right.Computer\n| union (W3CIISLog | project csUriStem), (AlertInfo | project Title)\n| project DeviceName, ActionType"));
        var findings = await Validate("hunting");

        Assert.That(findings.Where(f => f.Severity == "error"), Is.Empty, string.Join("\n", findings));
        var catalogue = Path.Combine(TestContext.CurrentContext.TestDirectory, "catalog");
        Assert.That(File.ReadAllText(Path.Combine(catalogue, "SOURCES.md")), Does.Contain("Azure Monitor Logs table reference"));
        Assert.That(Directory.GetFiles(Path.Combine(catalogue, "tables"), "*.json"), Has.Length.GreaterThan(600));
    }

    [Test]
    public async Task Every_table_has_the_standard_columns_Type_and_ResourceId_even_when_its_file_omits_them()
    {
        Write("schemas/Thin_CL.json", """{"Name": "Thin_CL", "Properties": [{"Name": "Message", "Type": "string"}]}""");
        Write("hunting/q.yaml", Hunting("Thin_CL\n| where TimeGenerated > ago(1d) and Type == 'Thin_CL'\n| project Message, _ResourceId, TenantId, _ItemId"));
        var findings = await Validate("hunting", "--schemas", "schemas");

        Assert.That(findings.Where(f => f.Severity == "error"), Is.Empty, string.Join("\n", findings));
    }

    [Test]
    public async Task Parameters_declared_not_required_or_with_defaults_may_be_left_out_of_calls()
    {
        Write("schemas/_Im_Sample.json", """
            {"FunctionName": "_Im_Sample",
             "FunctionParameters": [{"Name": "starttime", "Type": "datetime", "IsRequired": false},
                                    {"Name": "srcipaddr", "Type": "string", "IsRequired": false},
                                    {"Name": "eventtype", "Type": "string", "Default": "'lookup'"}],
             "FunctionResultColumns": [{"name": "SrcIpAddr", "type": "string"}, {"name": "TimeGenerated", "type": "datetime"}]}
            """);
        Write("hunting/q.yaml", Hunting("_Im_Sample(starttime=ago(1d))\n| union _Im_Sample()\n| project SrcIpAddr"));
        var findings = await Validate("hunting", "--schemas", "schemas");

        Assert.That(findings.Where(f => f.Severity == "error"), Is.Empty, string.Join("\n", findings));
    }

    [Test]
    public async Task Connector_coverage_is_resolved_through_parser_functions_and_is_a_warning_at_the_call()
    {
        Write("schemas/Vendor_CL.json", """{"Name": "Vendor_CL", "Properties": [{"Name": "Message", "Type": "string"}]}""");
        Write("schemas/Other_CL.json", """{"Name": "Other_CL", "Properties": [{"Name": "Message", "Type": "string"}]}""");
        Write("parsers/VendorEvents.yaml", """
            Parser:
              Title: Vendor events
              Version: '1.0.0'
              LastUpdated: '2026-01-01'
            ParserName: VendorEvents
            Description: Both vendor tables, like an ASIM unifying parser.
            ParserQuery: |
              union isfuzzy=true (Vendor_CL | project Message), (Other_CL | project Message)
            """);
        Write("rules/covered.yaml", Rule("VendorEvents\n| where Message has 'x'", "[{connectorId: Vendor, dataTypes: [Vendor_CL]}]"));
        Write("rules/missing.yaml", Rule("VendorEvents\n| where Message has 'x'", "[{connectorId: Vendor, dataTypes: [Unrelated_CL]}]"));
        var findings = await Validate("rules", "parsers", "--schemas", "schemas");

        Assert.That(findings.Where(f => f.Code == "SAP3020" && f.File == "rules/covered.yaml"), Is.Empty, "one of the parser's sources is listed");
        var missing = findings.Single(f => f.Code == "SAP3020" && f.File == "rules/missing.yaml");
        Assert.That((missing.Severity, missing.Line, missing.Column), Is.EqualTo(("warning", 13, 3)), "at the call in the query");
        Assert.That(missing.Message, Does.Contain("'VendorEvents'").And.Contain("does not check it"));
    }

    [Test]
    public async Task Findings_read_the_same_on_every_run()
    {
        Write("hunting/q.yaml", Hunting("SigninLogs | take 1").Replace("0d4f2b8e-5c1a-4e7b-9a3d-6f2e8c1b4a70", "f090f8f4a-b986-42d2-b536-e0795c723e25", StringComparison.Ordinal));
        var first = await Validate("hunting");
        var second = await Validate("hunting");

        Assert.That(first.Single(f => f.Code == "SAP1002").Message, Does.Contain("use a generated one such as"));
        Assert.That(second, Is.EqualTo(first));
    }
}
