using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Content.Tests;

public class SchemaTests
{
    private static string SchemaFolder => Path.Combine(Corpus.AzureSentinel, "schemas");

    [Test]
    public void Corpus_schema_folder_builds_with_only_the_real_quirks_reported()
    {
        var (schemas, diagnostics) = new SchemaSetBuilder().AddFolder(SchemaFolder).Build();

        Assert.That(diagnostics.Select(d => (Path.GetFileName(d.FilePath), d.Code, d.Severity)), Is.EquivalentTo(new[]
        {
            ("IdentityInfo.json", LoadingCodes.DuplicateColumn.Code, DiagnosticSeverity.Warning),
            ("ThreatIntelligenceIndicator.json", LoadingCodes.TableNameMismatch.Code, DiagnosticSeverity.Warning),
        }), string.Join(Environment.NewLine, diagnostics));
        Assert.That(schemas.Tables.Select(t => t.Name), Is.SupersetOf(new[]
        {
            "AADNonInteractiveUserSignInLogs", "AzureActivity", "AzureDiagnostics", "CommonSecurityLog", "CopilotActivity",
            "IdentityInfo", "SecurityIncident", "SquidProxy_CL", "Syslog", "Malware_data_CL", "ThreatIntelligenceIndicator",
        }));
    }

    [Test]
    public void Mismatched_table_name_is_registered_under_the_inner_name_and_the_file_name()
    {
        var (schemas, _) = new SchemaSetBuilder().AddFolder(SchemaFolder).Build();

        var inner = schemas.FindTable("Malware_data_CL")!;
        var alias = schemas.FindTable("ThreatIntelligenceIndicator")!;
        Assert.That(alias.Columns, Is.EqualTo(inner.Columns));
        Assert.That(alias.SourcePath, Does.EndWith("ThreatIntelligenceIndicator.json"));
    }

    [Test]
    public void File_name_alias_never_replaces_a_real_table()
    {
        using var folder = new TempFolder();
        folder.Write("later/ThreatIntelligenceIndicator.json", """{"Name": "ThreatIntelligenceIndicator", "Properties": [{"Name": "IndicatorId", "Type": "string"}]}""");

        var (schemas, _) = new SchemaSetBuilder().AddFolder(SchemaFolder).AddFolder(Path.Combine(folder.Path, "later")).Build();

        Assert.That(schemas.FindTable("ThreatIntelligenceIndicator")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "IndicatorId" }));
    }

    [Test]
    public void A_folder_given_twice_reports_each_finding_once()
    {
        using var folder = new TempFolder();
        folder.Write("t/Dup_CL.json", """{"Name": "Dup_CL", "Properties": [{"Name": "A", "Type": "string"}, {"Name": "A", "Type": "string"}]}""");

        var (_, diagnostics) = new SchemaSetBuilder().AddFolder(Path.Combine(folder.Path, "t")).AddFolder(Path.Combine(folder.Path, "t")).Build();

        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "SAP5023" }));
    }

    [Test]
    public void Lower_case_keys_duplicate_columns_and_type_spellings_are_normalized()
    {
        var (schemas, diagnostics) = new SchemaSetBuilder().AddFolder(SchemaFolder).Build();
        var identity = schemas.FindTable("IdentityInfo")!;

        Assert.That(identity.Columns.Count(c => c.Name == "UACFlags"), Is.EqualTo(1));
        Assert.That(identity.Columns.Select(c => c.Type).Distinct(), Is.SubsetOf(KustoType.All));
        Assert.That(schemas.FindTable("AzureDiagnostics")!.Columns.Select(c => c.Type), Has.Member("long").And.Member("timespan"));
        var duplicate = diagnostics.Single(d => d.Code == LoadingCodes.DuplicateColumn.Code);
        Assert.That(duplicate.Span.Line, Is.GreaterThan(1));
        Assert.That(duplicate.Message, Does.Contain("UACFlags"));
    }

    [Test]
    public void Unknown_type_is_a_warning_at_the_type_and_the_column_is_kept_as_dynamic()
    {
        var bag = new DiagnosticBag("T.json");
        var file = SchemaLoader.LoadJson("T.json", """
            {
              "name": "T",
              "description": "A table.",
              "properties": [
                { "name": "A", "type": "String", "description": "Column A" },
                { "name": "B", "type": "Blob" }
              ]
            }
            """u8.ToArray(), bag);

        var table = file.Tables.Single();
        Assert.That(table.Description, Is.EqualTo("A table."));
        Assert.That(table.Columns[0].Description, Is.EqualTo("Column A"));
        // Reported once in the schema file; the column stays (as dynamic) so that its uses are not reported again.
        Assert.That(table.Columns[1], Is.EqualTo(new ColumnSchema("B", "dynamic")));
        var warning = bag.Items.Single();
        Assert.That((warning.Code, warning.Severity, warning.Span.Line, warning.Span.Column), Is.EqualTo((LoadingCodes.UnknownColumnType.Code, DiagnosticSeverity.Warning, 6, 28)));
    }

    [TestCase("{\"Name\": \"T\", \"Properties\": [", "SAP5020")]
    [TestCase("[1, 2]", "SAP5021")]
    [TestCase("{\"Properties\": []}", "SAP5021")]
    [TestCase("{\"Name\": \"T\", \"Properties\": [\"A\"]}", "SAP5021")]
    public void Bad_schema_files_are_reported(string json, string expectedCode)
    {
        var bag = new DiagnosticBag("T.json");
        SchemaLoader.LoadJson("T.json", System.Text.Encoding.UTF8.GetBytes(json), bag);
        Assert.That(bag.Items.Select(d => d.Code), Has.Member(expectedCode));
    }

    [Test]
    public void Custom_function_json_reads_parameters_and_result_columns()
    {
        var bag = new DiagnosticBag("ADOAuditLogs.json");
        var file = SchemaLoader.LoadJson("ADOAuditLogs.json", """
            { "FunctionName": "ADOAuditLogs", "FunctionParameters": [{"name": "lookback", "type": "timespan", "default": "1d"}],
              "FunctionResultColumns": [ { "name": "TimeGenerated", "type": "datetime" }, { "name": "Data", "type": "dynamic" } ] }
            """u8.ToArray(), bag);

        var function = file.Functions.Single();
        Assert.That(bag.Items, Is.Empty);
        Assert.That(function.Name, Is.EqualTo("ADOAuditLogs"));
        Assert.That(function.Parameters.Single(), Is.EqualTo(new FunctionParameter("lookback", "timespan", "1d")));
        Assert.That(function.OutputColumns!.Select(c => (c.Name, c.Type)), Is.EqualTo(new[] { ("TimeGenerated", "datetime"), ("Data", "dynamic") }));
    }

    [Test]
    public void Parser_yaml_in_a_schema_folder_becomes_a_function_with_body()
    {
        var (schemas, diagnostics) = new SchemaSetBuilder().AddFolder(Path.Combine(Corpus.AzureSentinel, "parsers")).Build();

        Assert.That(diagnostics, Is.Empty);
        Assert.That(schemas.FindFunction("_Im_Authentication")!.Body, Does.Contain("union isfuzzy=true"));
        Assert.That(schemas.FindFunction("SquidProxy")!.Parameters, Is.Empty);
        Assert.That(schemas.FindFunction("ASimAuthenticationSigninLogs")!.Parameters.Single().Name, Is.EqualTo("disabled"));
    }

    [Test]
    public void Later_sources_override_earlier_ones_and_settings_folders_come_before_command_line()
    {
        using var folder = new TempFolder();
        folder.Write("settings-schemas/T.json", """{"Name": "T", "Properties": [{"Name": "FromSettings", "Type": "string"}]}""");
        folder.Write("cli-schemas/T.json", """{"Name": "T", "Properties": [{"Name": "FromCli", "Type": "string"}]}""");
        folder.Write("aipack.yaml", "schemaFolders: [settings-schemas]\n");
        var settings = SettingsLoader.Load(Path.Combine(folder.Path, "aipack.yaml"), new DiagnosticBag("aipack.yaml"));

        var (withCli, _) = SchemaSetBuilder.FromSources(settings, [Path.Combine(folder.Path, "cli-schemas")], includeBuiltIn: false);
        var (settingsOnly, _) = SchemaSetBuilder.FromSources(settings, [], includeBuiltIn: false);

        Assert.That(withCli.FindTable("T")!.Columns.Single().Name, Is.EqualTo("FromCli"));
        Assert.That(settingsOnly.FindTable("t")!.Columns.Single().Name, Is.EqualTo("FromSettings"));
    }

    [Test]
    public void Same_table_twice_in_one_source_is_a_warning()
    {
        using var folder = new TempFolder();
        folder.Write("a/T.json", """{"Name": "T", "Properties": []}""");
        folder.Write("b/T.json", """{"Name": "T", "Properties": []}""");

        var (_, diagnostics) = new SchemaSetBuilder().AddFolder(folder.Path).Build();

        Assert.That(diagnostics.Single().Code, Is.EqualTo(LoadingCodes.DuplicateSchema.Code));
    }

    [Test]
    public void Missing_schema_folder_is_reported() =>
        Assert.That(new SchemaSetBuilder().AddFolder("/no/such/folder").Build().Diagnostics.Single().Code, Is.EqualTo(LoadingCodes.PathNotFound.Code));
}
