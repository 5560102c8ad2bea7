using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Tests;

public class LoaderBadInputTests
{
    private const string ValidRule = """
        id: 0b9b6f43-5a3b-4a0b-9d1e-4b1f3c2d9e10
        name: Test rule
        description: A rule.
        severity: Medium
        requiredDataConnectors: []
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        query: |
          SigninLogs
          | take 1
        version: 1.0.0
        kind: Scheduled
        """;

    private static IReadOnlyList<Diagnostic> Load(string text, string path = "analytics/rule.yaml") => ContentLoader.LoadText(text, path).Diagnostics;

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, DiagnosticDescriptor expected)
    {
        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { expected.Code }), string.Join(Environment.NewLine, diagnostics));
        return diagnostics[0];
    }

    [Test]
    public void Valid_rule_has_no_findings() => Assert.That(Load(ValidRule), Is.Empty);

    [Test]
    public void File_over_the_size_limit_is_refused_without_being_parsed()
    {
        using var folder = new TempFolder();
        var path = folder.Write("big.yaml", ValidRule + "\n# " + new string('x', 5000));

        var result = ContentLoader.LoadFile(path, new LoadOptions { MaxFileSizeBytes = 1024 });

        var diagnostic = Single(result.Diagnostics, LoadingCodes.FileTooLarge);
        Assert.That(diagnostic.Message, Does.Contain("1 KB limit"));
        Assert.That(diagnostic.FilePath, Is.EqualTo(path));
        Assert.That(result.Item, Is.Null);
    }

    [Test]
    public void Nul_bytes_mean_binary()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("bin.yaml", [(byte)'a', (byte)':', (byte)'\n', 0, 1, 2]);

        var diagnostic = Single(ContentLoader.LoadFile(path).Diagnostics, LoadingCodes.NotText);
        Assert.That(diagnostic.Span.Line, Is.EqualTo(2));
    }

    [Test]
    public void Invalid_utf8_names_the_byte_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("latin1.yaml", [.. "name: a\nquery: caf"u8, 0xE9, (byte)'\n']);

        var diagnostic = Single(ContentLoader.LoadFile(path).Diagnostics, LoadingCodes.NotText);
        Assert.That(diagnostic.Message, Does.Contain("byte offset 18").And.Contain("line 2"));
    }

    [Test]
    public void Utf16_is_reported_as_such()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("utf16.yaml", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("a: b")).ToArray());

        Assert.That(Single(ContentLoader.LoadFile(path).Diagnostics, LoadingCodes.NotText).Message, Does.Contain("UTF-16"));
    }

    [Test]
    public void Utf8_bom_is_accepted()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("analytics/bom.yaml", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(ValidRule)]);

        var result = ContentLoader.LoadFile(path);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Item!.Id!.Span.Column, Is.EqualTo(5));
    }

    [TestCase("")]
    [TestCase("   \n\n")]
    [TestCase("# only a comment\n")]
    [TestCase("---\n")]
    public void Empty_files_are_reported(string text) => Single(Load(text), LoadingCodes.EmptyFile);

    [Test]
    public void Empty_file_on_disk_is_reported()
    {
        using var folder = new TempFolder();
        Single(ContentLoader.LoadFile(folder.Write("e.yaml", string.Empty)).Diagnostics, LoadingCodes.EmptyFile);
    }

    [Test]
    public void Malformed_yaml_gives_line_and_column()
    {
        var diagnostic = Single(Load("id: 1\nname: [unclosed\nquery: x\n"), LoadingCodes.MalformedYaml);

        Assert.That(diagnostic.Span.Line, Is.GreaterThanOrEqualTo(2));
        Assert.That(diagnostic.Message, Does.StartWith("Malformed YAML").And.Not.Contain("Idx:"));
    }

    [Test]
    public void Parser_internal_errors_are_reported_not_thrown()
    {
        // YamlDotNet throws InvalidOperationException (not YamlException) for this input.
        var diagnostic = Single(Load("a: [1, 2\nb: : c\n"), LoadingCodes.MalformedYaml);
        Assert.That(diagnostic.Span.IsKnown, Is.True);
    }

    [TestCase("- a\n- b\n", "a list")]
    [TestCase("just text\n", "a text")]
    public void Document_must_be_a_mapping(string text, string found) =>
        Assert.That(Single(Load(text), LoadingCodes.NotAMapping).Message, Does.Contain(found));

    [Test]
    public void Severity_as_a_list_is_a_type_error_at_the_value()
    {
        var diagnostics = Load(ValidRule.Replace("severity: Medium", "severity: [a]", StringComparison.Ordinal));
        var diagnostic = Single(diagnostics, LoadingCodes.WrongValueType);

        Assert.That(diagnostic.Message, Is.EqualTo("'severity' must be text, found a list."));
        Assert.That(diagnostic.Span, Is.EqualTo(new SourceSpan(4, 11, 3)));
    }

    [Test]
    public void Wrong_types_are_reported_and_remembered_as_invalid_fields()
    {
        var text = ValidRule.Replace("version: 1.0.0", "tactics: 5\ntriggerThreshold2: x\nsuppressionEnabled: maybe", StringComparison.Ordinal)
            .Replace("triggerThreshold: 0", "triggerThreshold: lots", StringComparison.Ordinal);
        var result = ContentLoader.LoadText(text, "analytics/r.yaml");

        var messages = result.Diagnostics.Select(d => $"{d.Code} {d.Message}").ToList();
        Assert.That(messages, Has.Some.EqualTo("SAP5009 'tactics' must be a list, found '5'."));
        Assert.That(messages, Has.Some.EqualTo("SAP5009 'triggerThreshold' must be a whole number, found 'lots'."));
        Assert.That(messages, Has.Some.EqualTo("SAP5009 'suppressionEnabled' must be true or false, found 'maybe'."));
        Assert.That(messages, Has.Some.StartWith("SAP5010 Unknown key 'triggerThreshold2'").And.Some.Contain("Did you mean 'triggerThreshold'?"));
        Assert.That(result.Item!.InvalidFields, Is.SupersetOf(new[] { "tactics", "triggerThreshold", "suppressionEnabled" }));
    }

    [Test]
    public void Unknown_keys_are_warnings_at_any_depth()
    {
        var text = ValidRule + "\nentityMappings:\n  - entityType: IP\n    fieldMappings:\n      - identifer: Address\n        columnName: IP\nsevrity: High\n";
        var diagnostics = Load(text);

        Assert.That(diagnostics.All(d => d.Code == LoadingCodes.UnknownKey.Code && d.Severity == DiagnosticSeverity.Warning), Is.True);
        Assert.That(diagnostics.Select(d => d.Message), Is.EquivalentTo(new[]
        {
            "Unknown key 'entityMappings[0].fieldMappings[0].identifer': it is not part of the fieldMappings entry format and is not used. Did you mean 'identifier'?",
            "Unknown key 'sevrity': it is not part of the analytics rule format and is not used. Did you mean 'severity'?",
        }));
    }

    [Test]
    public void Aipack_block_is_known_and_read()
    {
        var text = ValidRule + """

            aipack:
              alertType: PromptInjection
              atlas: [AML.T0051.000]
              owasp: [LLM01:2025]
              severityRationale: Direct injection reaching tools.
              triage: [Who sent the prompt?]
              suppressions:
                - code: SAP4001
                  justification: Intended.
            """;
        var result = ContentLoader.LoadText(text, "analytics/r.yaml");
        var extension = ((AnalyticRule)result.Item!).AiPack!;

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(extension.AlertType!.Value, Is.EqualTo("PromptInjection"));
        Assert.That(extension.Atlas.Single().Value, Is.EqualTo("AML.T0051.000"));
        Assert.That(extension.Owasp.Single().Value, Is.EqualTo("LLM01:2025"));
        Assert.That(extension.Suppressions.Single().Code!.Value, Is.EqualTo("SAP4001"));
    }

    [Test]
    public void Duplicate_keys_are_errors_and_the_first_value_wins()
    {
        var result = ContentLoader.LoadText(ValidRule + "\nname: Second name\n", "analytics/r.yaml");

        var diagnostic = Single(result.Diagnostics, LoadingCodes.DuplicateKey);
        Assert.That(diagnostic.Message, Does.Contain("'name'").And.Contain("line 2"));
        Assert.That(((AnalyticRule)result.Item!).Name!.Value, Is.EqualTo("Test rule"));
    }

    [Test]
    public void Keys_differing_only_in_case_are_duplicates()
    {
        var diagnostic = Single(Load(ValidRule + "\nName: Other\n"), LoadingCodes.DuplicateKey);
        Assert.That(diagnostic.Message, Does.Contain("case-insensitive"));
    }

    [Test]
    public void Nested_duplicate_keys_are_reported()
    {
        var text = ValidRule + "\neventGroupingSettings:\n  aggregationKind: SingleAlert\n  aggregationKind: AlertPerResult\n";
        Assert.That(Single(Load(text), LoadingCodes.DuplicateKey).Span.Line, Is.EqualTo(17));
    }

    [Test]
    public void Second_document_is_a_warning()
    {
        var result = ContentLoader.LoadText(ValidRule + "\n---\nid: other\n", "analytics/r.yaml");
        Single(result.Diagnostics, LoadingCodes.MultipleDocuments);
        Assert.That(result.Item, Is.Not.Null);
    }

    [Test]
    public void Unrecognized_yaml_is_skipped_with_a_warning()
    {
        var result = ContentLoader.LoadText("title: A workbook\nitems: []\n", "workbooks/w.yaml");
        Assert.That(Single(result.Diagnostics, LoadingCodes.UnrecognizedContent).Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(result.Item, Is.Null);
    }

    [Test]
    public void Alias_bomb_costs_nothing()
    {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"b{i}: &b{i} [*{(i == 1 ? "a" : "b" + (i - 1))}, *{(i == 1 ? "a" : "b" + (i - 1))}]\n")) + "query: x\n";
        var result = ContentLoader.LoadText(text, "hunting/bomb.yaml");

        Assert.That(result.Item, Is.Not.Null);
        Assert.That(result.Diagnostics.All(d => d.Code == LoadingCodes.UnknownKey.Code), Is.True);
    }

    [Test]
    public void Undefined_alias_is_malformed() => Single(Load("a: *nothing\n"), LoadingCodes.MalformedYaml);

    [Test]
    public void Deep_nesting_is_refused_without_stack_overflow()
    {
        var text = "query: x\nm: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var diagnostic = Single(Load(text, "hunting/deep.yaml"), LoadingCodes.MalformedYaml);
        Assert.That(diagnostic.Message, Does.Contain("nested deeper"));
    }

    [Test]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20240601);
        var alphabet = "ab:-[]{}|>'\"\\#&*!%@`\n\r\t ,?0123456789\u2028é😀".ToCharArray();
        for (var round = 0; round < 500; round++)
        {
            var length = random.Next(0, 200);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.DoesNotThrow(() => ContentLoader.LoadText(text, "hunting/fuzz.yaml"), $"input: {text}");
        }
    }

    [Test]
    public void Folder_load_goes_on_after_bad_files_and_lists_sample_files()
    {
        using var folder = new TempFolder();
        folder.Write("detections/ai/analytics/good.yaml", ValidRule);
        folder.Write("detections/ai/analytics/good.tests.yaml", "events: []\n");
        folder.Write("detections/ai/analytics/bad.yaml", "name: [\n");
        folder.WriteBytes("detections/ai/analytics/binary.yml", [0, 0, 0]);
        folder.Write("detections/ai/hunting/hunt.yml", "id: x\nname: h\nquery: T\n");
        folder.Write("detections/.hidden/ignored.yaml", "name: [\n");
        folder.Write("detections/notes.txt", "not yaml");
        folder.Write("aipack.yaml", "schemaFolders: []\n");

        var set = ContentLoader.Load([folder.Path, Path.Combine(folder.Path, "missing")]);

        Assert.That(set.Items.Select(i => (i.FileName, i.Kind)), Is.EqualTo(new[]
        {
            ("good.yaml", ContentKind.AnalyticRule), ("hunt.yml", ContentKind.HuntingQuery),
        }));
        Assert.That(set.Diagnostics.Select(d => (Path.GetFileName(d.FilePath), d.Code)), Is.EquivalentTo(new[]
        {
            ("bad.yaml", LoadingCodes.MalformedYaml.Code), ("binary.yml", LoadingCodes.NotText.Code), ("missing", LoadingCodes.PathNotFound.Code),
        }));
        var sample = set.SampleFiles.Single();
        Assert.That(sample.ItemStem, Is.EqualTo("good"));
        Assert.That(set.FindItemFor(sample)!.FileName, Is.EqualTo("good.yaml"));
        Assert.That(set.FindSampleFile(set.Items[1]), Is.Null);
    }

    [Test]
    public void Same_file_given_twice_loads_once()
    {
        using var folder = new TempFolder();
        var path = folder.Write("analytics/r.yaml", ValidRule);
        Assert.That(ContentLoader.Load([path, folder.Path]).Items, Has.Count.EqualTo(1));
    }
}
