using SentinelAiPack.Content.Tests;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Validation.Templates;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Validation.Tests;

public class TemplateDataTests
{
    [TestCase("T1078", new[] { "InitialAccess", "Persistence", "PrivilegeEscalation", "DefenseEvasion" })]
    [TestCase("T1566", new[] { "InitialAccess" })]
    [TestCase("T1059", new[] { "Execution" })]
    [TestCase("T1110", new[] { "CredentialAccess" })]
    [TestCase("T1486", new[] { "Impact" })]
    [TestCase("T1567", new[] { "Exfiltration" })]
    [TestCase("T1071", new[] { "CommandAndControl" })]
    [TestCase("T1595", new[] { "Reconnaissance" })]
    [TestCase("T1588", new[] { "ResourceDevelopment" })]
    [TestCase("T1557", new[] { "CredentialAccess", "Collection" })]
    [TestCase("T1562.001", new[] { "DefenseEvasion" })]
    [TestCase("t1098.001", new[] { "Persistence", "PrivilegeEscalation" })]
    public void Known_techniques_map_to_their_attack_tactics(string technique, string[] tactics) =>
        Assert.That(AttackTechniqueCatalog.TacticsOf(technique), Is.EquivalentTo(tactics));

    [Test]
    public void Technique_table_covers_current_enterprise_techniques()
    {
        Assert.That(AttackTechniqueCatalog.TechniqueIds, Has.Count.GreaterThan(200));
        Assert.That(AttackTechniqueCatalog.TechniqueIds.All(AttackTechniqueCatalog.IsTechniqueId), Is.True);
        Assert.That(AttackTechniqueCatalog.TechniqueIds.SelectMany(id => AttackTechniqueCatalog.TacticsOf(id)!).Distinct(), Is.SubsetOf(SentinelTactics.All));
        Assert.That(AttackTechniqueCatalog.TacticsOf("T9999"), Is.Null);
        Assert.That(AttackTechniqueCatalog.IsTechniqueId("AML.T0051"), Is.False);
    }

    [Test]
    public void Connector_list_extends_the_upstream_list_with_ids_real_content_uses()
    {
        var upstream = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(Corpus.AzureSentinel, "ValidConnectorIds.json")))!;

        Assert.That(ConnectorIdCatalog.BuiltIn, Is.SupersetOf(upstream));
        Assert.That(ConnectorIdCatalog.BuiltIn, Is.SupersetOf(new[]
        {
            "MicrosoftCopilot", "CopilotActivity", "AzureMonitor(VMInsights)", "BehaviorAnalytics", "SyslogAma", "PaloAltoNetworksAma",
        }));
        Assert.That(ConnectorIdCatalog.BuiltIn, Is.Unique);
    }

    [Test]
    public void Entity_catalog_has_the_19_sentinel_entity_types()
    {
        Assert.That(EntityCatalog.All, Has.Count.EqualTo(19));
        Assert.That(EntityCatalog.Find("azureresource")!.Name, Is.EqualTo("AzureResource"));
        Assert.That(EntityCatalog.Suggest("Azure resource"), Is.EqualTo("AzureResource"));
        Assert.That(EntityCatalog.All.SelectMany(e => e.RequiredSets.SelectMany(s => s).Select(id => (e, id))).All(x => x.e.Identifiers.Contains(x.id)), Is.True);
    }

    [Test]
    public void Extra_connector_ids_and_disabled_codes_come_from_options()
    {
        var broken = Path.Combine(AppContext.BaseDirectory, "Cases", "SAP1033", "broken.yaml");
        var content = ContentLoader.Load([broken]);

        Assert.That(TemplateValidator.Validate(content).Select(d => d.Code), Is.EqualTo(new[] { "SAP1033" }));
        Assert.That(TemplateValidator.Validate(content, new TemplateValidationOptions { ExtraConnectorIds = ["AzureActivityLogs"] }), Is.Empty);
        Assert.That(TemplateValidator.Validate(content, new TemplateValidationOptions { DisabledCodes = ["SAP1033"] }), Is.Empty);
    }

    [Test]
    public void A_rule_and_a_hunting_query_may_share_an_id_but_two_rules_may_not()
    {
        using var folder = new TempFolder();
        var rule = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "SAP1001", "fixed.yaml"));
        folder.Write("analytics/a.yaml", rule);
        folder.Write("hunting/a.yaml", rule.Replace("kind: Scheduled\n", string.Empty, StringComparison.Ordinal));

        Assert.That(TemplateValidator.Validate(ContentLoader.Load([folder.Path])), Is.Empty);

        folder.Write("analytics/b.yaml", rule);
        var findings = TemplateValidator.Validate(ContentLoader.Load([folder.Path]));
        Assert.That(findings.Select(f => (Path.GetFileName(f.FilePath), f.Code)), Is.EqualTo(new[] { ("b.yaml", "SAP1030") }));
        Assert.That(findings[0].Message, Does.Contain("a.yaml"));
    }

    [Test]
    public void Legacy_entity_finding_points_into_the_query()
    {
        var broken = Path.Combine(AppContext.BaseDirectory, "Cases", "SAP1032", "broken.yaml");
        var finding = TemplateValidator.Validate(ContentLoader.Load([broken])).Single();
        var line = File.ReadAllLines(broken)[finding.Span.Line - 1];

        Assert.That(line.Substring(finding.Span.Column - 1, finding.Span.Length), Is.EqualTo("AccountCustomEntity"));
    }
}

public class TemplateOptionsFromSettingsTests
{
    [Test]
    public void Settings_connector_file_and_extra_ids_extend_the_list()
    {
        using var folder = new TempFolder();
        folder.Write("ids.json", """["FromFile"]""");
        var settingsPath = folder.Write("aipack.yaml", "connectorIdsFile: ids.json\nextraConnectorIds: [FromSettings]\n");
        var settings = Content.Settings.SettingsLoader.Load(settingsPath, new Content.Diagnostics.DiagnosticBag(settingsPath));
        var diagnostics = new List<Content.Diagnostics.Diagnostic>();

        var options = TemplateValidationOptions.FromSettings(settings, diagnostics);

        Assert.That(options.ExtraConnectorIds, Is.EquivalentTo(new[] { "FromSettings", "FromFile" }));
        Assert.That(diagnostics, Is.Empty);
        Assert.That(TemplateValidationOptions.FromSettings(null, diagnostics), Is.SameAs(TemplateValidationOptions.Default));
    }
}
