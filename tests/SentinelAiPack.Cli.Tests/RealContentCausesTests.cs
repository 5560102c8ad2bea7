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
        // The one note allowed: which layout was discovered (a folder shaped like Azure-Sentinel's, no aipack.yaml).
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("aipack: no aipack.yaml", StringComparison.Ordinal));
        Assert.That(errors, Is.Empty, "no internal error");
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

    [Test]
    public async Task Solution_parsers_shipped_as_txt_or_kql_resolve_by_file_name_and_by_the_alias_their_usage_line_names()
    {
        Write("schemas/Vendor_CL.json", """{"Name": "Vendor_CL", "Properties": [{"Name": "Message", "Type": "string"}]}""");
        Write("Solutions/Vendor/Parsers/VendorAudit.txt", "// Vendor audit parser\nVendor_CL\n| extend Action = tostring(Message)\n");
        Write("Parsers/Legacy/Legacy_Parser.kql",
            "// Usage Instruction: Paste below query in log analytics, click on Save button and select as Function from drop down by specifying function name and alias (e.g. LegacyEvent).\nVendor_CL | project Message\n");
        Write("Solutions/Vendor/Hunting Queries/q.yaml", Hunting("VendorAudit\n| where Action has 'x'\n| union (LegacyEvent | project Message), (Legacy_Parser | project Message)"));
        Write("hunting/other.yaml", Hunting("NotShippedAnywhere | take 1").Replace("0d4f2b8e-5c1a-4e7b-9a3d-6f2e8c1b4a70", "9a3d6f2e-8c1b-4a70-0d4f-2b8e5c1a4e7b", StringComparison.Ordinal));
        var findings = await Validate("Solutions/Vendor/Hunting Queries", "Solutions/Vendor/Parsers", "Parsers", "hunting", "--schemas", "schemas");

        Assert.That(findings.Where(f => f.File.StartsWith("Solutions", StringComparison.Ordinal) && f.Severity == "error"), Is.Empty, string.Join("\n", findings));
        Assert.That(findings.Where(f => f.File.StartsWith("Parsers", StringComparison.Ordinal) || f.File.EndsWith(".txt", StringComparison.Ordinal)), Is.Empty,
            "the KQL files only define functions; they are not validated as items");
        Assert.That(findings.Single(f => f.File == "hunting/other.yaml" && f.Code == "SAP3001").Message, Does.Contain("'NotShippedAnywhere'"));
    }

    [Test]
    public async Task A_join_key_type_error_the_analyzer_leaves_unlocated_points_at_the_join_not_at_a_leading_comment()
    {
        Write("hunting/q.yaml", Hunting(
            "// Keys of different types\nlet A = datatable(k:string, v:int)['a', 1];\nlet B = datatable(w:int)[2];\nA\n// second comment\n| join kind=inner (B | project kk = tostring(w)) on $left.v == $right.kk"));
        var findings = await Validate("hunting");

        var join = findings.Single(f => f.Code == "SAP2001");
        Assert.That(join.Message, Does.StartWith("Inconsistent data types for join keys"));
        Assert.That((join.Line, join.Column), Is.EqualTo((13, 5)), "the join operator, not offset 0 (line 8, the comment)");
    }

    [Test]
    public async Task Parameter_types_of_a_parser_come_from_its_yaml_and_todynamic_of_a_dynamic_is_the_analyzers_own_verdict()
    {
        // Azure-Sentinel's CustomFunctions/_Im_Dns.json types every parameter datetime; imDns.yaml declares the real ones.
        Write("schemas/_Im_Dns.json", """
            {"FunctionName": "_Im_Dns",
             "FunctionParameters": [{"Name": "starttime", "Type": "datetime", "IsRequired": false},
                                    {"Name": "response_has_any_prefix", "Type": "datetime", "IsRequired": false}],
             "FunctionResultColumns": [{"name": "DnsResponseName", "type": "string"}]}
            """);
        Write("schemas/Dns_CL.json", """{"Name": "Dns_CL", "Properties": [{"Name": "DnsResponseName", "Type": "string"}]}""");
        Write("parsers/imDns.yaml", """
            Parser:
              Title: DNS
              Version: '0.5'
              LastUpdated: Feb 21, 2021
            ParserName: imDns
            EquivalentBuiltInParser: _Im_Dns
            ParserParams:
              - Name: starttime
                Type: datetime
                Default: datetime(null)
              - Name: response_has_any_prefix
                Type: dynamic
                Default: dynamic([])
            ParserQuery: |
              Dns_CL | where TimeGenerated >= starttime or isnull(starttime) | where array_length(response_has_any_prefix) == 0 or DnsResponseName has_any (response_has_any_prefix)
            """);
        const string List = "let L = datatable(ip:string)['10.0.0.1'] | summarize IP_List = make_set(ip);\n";
        Write("hunting/q.yaml", Hunting(List + "_Im_Dns(starttime=ago(1d), response_has_any_prefix=todynamic(toscalar(L)))\n| project DnsResponseName"));
        Write("hunting/ok.yaml", Hunting(List + "_Im_Dns(starttime=ago(1d), response_has_any_prefix=toscalar(L))\n| project DnsResponseName")
            .Replace("0d4f2b8e-5c1a-4e7b-9a3d-6f2e8c1b4a70", "9a3d6f2e-8c1b-4a70-0d4f-2b8e5c1a4e7b", StringComparison.Ordinal));
        var findings = await Validate("hunting", "parsers", "--schemas", "schemas");

        Assert.That(findings.Where(f => f.File == "hunting/ok.yaml" && f.Severity == "error"), Is.Empty, "a dynamic argument fits the YAML's dynamic parameter");
        var verdict = findings.Where(f => f.File == "hunting/q.yaml" && f.Severity == "error").ToList();
        Assert.That(verdict, Has.Count.EqualTo(1), string.Join("\n", findings));
        Assert.That((verdict[0].Code, verdict[0].Message), Is.EqualTo(("SAP2001", "A value of type string expected.")));
        Assert.That((verdict[0].Line, verdict[0].Column), Is.EqualTo((9, 64)), "todynamic's argument: Kusto.Language types todynamic(string)");
    }

    [Test]
    public async Task Defender_xdr_and_sentinel_validator_tables_are_in_the_catalogue_and_column_case_is_kept()
    {
        Write("hunting/q.yaml", Hunting(
            "AADSpnSignInEventsBeta | where Timestamp > ago(1d) | project ServicePrincipalId\n| union (DeviceTvmSoftwareEvidenceBeta | project DeviceId)\n| union (SecurityEvent | project EventOriginId, AccessList)\n| union (EmailUrlInfo | where Timestamp > ago(1d) | project Url)"));
        Write("hunting/case.yaml", Hunting("IdentityInfo | project AccountUpn").Replace("0d4f2b8e-5c1a-4e7b-9a3d-6f2e8c1b4a70", "9a3d6f2e-8c1b-4a70-0d4f-2b8e5c1a4e7b", StringComparison.Ordinal));
        var findings = await Validate("hunting");

        Assert.That(findings.Where(f => f.File == "hunting/q.yaml" && f.Severity == "error"), Is.Empty, string.Join("\n", findings));
        // Log Analytics' IdentityInfo (Sentinel UEBA) spells it AccountUPN; the advanced-hunting version is another table.
        var upn = findings.Single(f => f.File == "hunting/case.yaml" && f.Code == "SAP3002");
        Assert.That(upn.Message, Does.StartWith("'AccountUpn'").And.Contain("Did you mean 'AccountUPN'?"));
    }

    [Test]
    public async Task Later_uses_of_a_name_renamed_from_a_missing_column_are_that_columns_cascade()
    {
        Write("schemas/Okta_CL.json", """{"Name": "Okta_CL", "Properties": [{"Name": "eventType_s", "Type": "string"}]}""");
        Write("hunting/q.yaml", Hunting(
            "Okta_CL\n| project-rename EventMessage = displayMessage_s, EventType = eventType_s\n| where EventMessage has 'x' and EventType == 'y'\n| project EventMessage, Undeclared"));
        var findings = await Validate("hunting", "--schemas", "schemas");

        var unknown = findings.Where(f => f.Code == "SAP3002").ToList();
        Assert.That(unknown.Select(f => f.Message[..f.Message.IndexOf(' ', StringComparison.Ordinal)]), Is.EqualTo(new[] { "'displayMessage_s'", "'Undeclared'" }),
            string.Join("\n", findings));
        Assert.That(unknown[0].Message, Does.Contain("renamed to 'EventMessage', whose later uses are not reported"));
        Assert.That(findings.Count(f => f.Severity == "error"), Is.EqualTo(2), "nothing else");
    }

    [Test]
    public async Task Names_used_after_invoking_an_unknown_function_are_its_cascade()
    {
        Write("hunting/q.yaml", Hunting(
            "SigninLogs\n| extend Host = tostring(DeviceDetail.displayName)\n| invoke _ASIM_ResolveDvcFQDN('Host')\n| extend Dvc = DvcHostname, Q = Host\n| where Dvc has 'x'\n| union (SigninLogs | project NotAColumn)"));
        var findings = await Validate("hunting");

        var unknown = findings.Where(f => f.Code is "SAP3001" or "SAP3002").ToList();
        Assert.That(unknown, Has.Count.EqualTo(2), string.Join("\n", findings));
        Assert.That(unknown[0].Message, Does.StartWith("'_ASIM_ResolveDvcFQDN' is not a function").And.Contain("The 2 names used after its invoke are not reported"));
        Assert.That(unknown[1].Message, Does.StartWith("'NotAColumn'"), "a name in a union operand after the invoke reads its own table: still its own finding");
    }

    [Test]
    public async Task Unknown_names_after_a_syntax_error_are_its_cascade()
    {
        // As in AWSBucketAPILogs-SuspiciousDataAccessToS3BucketsfromUnknownIP.yaml: a stray word splits the query, and
        // the parser's recovery reads the rest as a new statement whose source is that word.
        Write("hunting/q.yaml", Hunting(
            "SigninLogs\n| where Missing1 == 1\n| where TimeGenerated Stray between (ago(1d)..now())\n| where Bar == 1 and Baz == 2"));
        var findings = await Validate("hunting");

        var unknown = findings.Where(f => f.Code is "SAP3001" or "SAP3002").ToList();
        Assert.That(unknown.Select(f => f.Message[..f.Message.IndexOf(' ', StringComparison.Ordinal)]), Is.EqualTo(new[] { "'Missing1'" }), string.Join("\n", findings));
        Assert.That(findings.Where(f => f.Code == "SAP2001").Select(f => f.Message), Has.One.Match("The [0-9]+ unknown names after it are not reported"),
            string.Join("\n", findings));
    }
}
