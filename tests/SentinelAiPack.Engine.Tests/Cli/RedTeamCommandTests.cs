using System.Text.Json;
using SentinelAiPack.Cli;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Engine.Tests.Cli;

/// <summary>
/// `aipack redteam import` on fixtures of both tools' formats and the shared prompt list, then `aipack redteam report`
/// over the pack's own rules: the purple-team view, end to end, in-process.
/// </summary>
public sealed class RedTeamCommandTests
{
    private string _work = null!;

    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Files", "redteam", name);

    [SetUp]
    public void SetUp() => _work = Directory.CreateTempSubdirectory("aipack-redteam").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_work, recursive: true);

    // The pack's content (aipack.yaml at the repository root) supplies the rules and schemas.
    private Task<(int Exit, string Out, string Error)> Aipack(params string[] args) => CliHarness.RunAsync(PackContent.Root, null, args);

    private string Out(string name) => Path.Combine(_work, name);

    [Test]
    public async Task Garak_import_writes_one_session_per_attempt_and_reports_bad_lines_by_number()
    {
        var (exit, output, error) = await Aipack("redteam", "import", "--garak", Fixture("garak.report.jsonl"), "--out", Out("garak"));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("garak"), "redteam.json"))).RootElement;
        var turns = File.ReadAllLines(Path.Combine(Out("garak"), "AIConversationTurn_CL.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failures), "some lines were skipped");
            Assert.That(output, Does.Contain("Imported 5 attempt(s)"));
            Assert.That(output, Does.Contain("attack     encoding: 2"));
            Assert.That(error, Does.Contain("garak.report.jsonl:10: not valid JSON"));
            Assert.That(error, Does.Contain("garak.report.jsonl:11: attempt 2f0b6a0e-1111-4a6e-9b1e-000000000006 has no prompt text"));
            Assert.That(manifest.GetProperty("attempts").GetArrayLength(), Is.EqualTo(5));
            Assert.That(turns.Select(t => t.GetProperty("SessionId").GetString()).Distinct().Count(), Is.EqualTo(5), "one session per attempt");
            Assert.That(turns.Count(t => t.GetProperty("Role").GetString() == "assistant"), Is.EqualTo(5), "each attempt's first output is the answer");
            Assert.That(File.ReadAllText(Path.Combine(Out("garak"), "AIContentSafety_CL.jsonl")), Is.Empty, "no verdicts unless asked for");
        });
    }

    [Test]
    public async Task With_verdict_adds_the_prompt_shields_finding_for_each_channel()
    {
        var (exit, _, error) = await Aipack("redteam", "import", "--prompts", Fixture("prompts.jsonl"), "--out", Out("prompts"), "--with-verdict",
            "--from", "2026-02-02T10:00:00Z", "--to", "2026-02-02T10:50:00Z");
        var verdicts = File.ReadAllLines(Path.Combine(Out("prompts"), "AIContentSafety_CL.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var retrieval = JsonDocument.Parse(File.ReadAllLines(Path.Combine(Out("prompts"), "AIRetrieval_CL.jsonl")).Single()).RootElement;
        var tool = JsonDocument.Parse(File.ReadAllLines(Path.Combine(Out("prompts"), "AIToolCall_CL.jsonl")).Single()).RootElement;
        string Field(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "";
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failures));
            Assert.That(error, Does.Contain("prompts.jsonl:8: \"label\" is 'malicious'"));
            Assert.That(verdicts.Select(v => $"{Field(v, "TextSource")}/{Field(v, "Category")}/{Field(v, "Detected")}"), Is.EqualTo(new[]
            {
                "UserPrompt/Jailbreak/True", "UserPrompt/None/False", "UserPrompt/None/False", "Document/IndirectAttack/True", "ToolOutput/IndirectAttack/True", "UserPrompt/None/False",
            }));
            Assert.That(Field(verdicts[0], "AnalysisResults"), Does.Contain("UserPromptAttack"));
            Assert.That(Field(verdicts[3], "AnalysisResults"), Does.Contain("DocumentAttack"));
            Assert.That(Field(retrieval, "ContentSnippet"), Does.StartWith("Refund policy."));
            Assert.That(Field(retrieval, "ContentSafetyVerdict"), Is.EqualTo("IndirectAttack"));
            Assert.That(Field(retrieval, "EmbeddedEmails"), Does.Contain("refunds@refund-help.example"));
            Assert.That(Field(tool, "ResultSummary"), Does.Contain("archive@exfil.example"));
            Assert.That(Field(verdicts[0], "TimeGenerated"), Does.StartWith("2026-02-02T10:00"));
            Assert.That(Field(verdicts[^1], "TimeGenerated"), Does.StartWith("2026-02-02T10:50"), "six sessions spread over --from..--to");
        });
    }

    [Test]
    public async Task Pyrit_import_keeps_the_tool_s_own_verdicts_and_tool_calls()
    {
        var (exit, output, error) = await Aipack("redteam", "import", "--pyrit", Fixture("pyrit.export.json"), "--out", Out("pyrit"), "--user", "redteam@contoso.com");
        var verdicts = File.ReadAllLines(Path.Combine(Out("pyrit"), "AIContentSafety_CL.jsonl"));
        var tools = File.ReadAllLines(Path.Combine(Out("pyrit"), "AIToolCall_CL.jsonl"));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failures), output + error);
            Assert.That(output, Does.Contain("Imported 4 attempt(s)"));
            Assert.That(output, Does.Contain("attack     Base64: 1"));
            Assert.That(error, Does.Contain("element 14: a message piece without \"conversation_id\""));
            Assert.That(verdicts, Has.Length.EqualTo(2), "Prompt Shields on the Base64 prompt, Content Safety on the Crescendo answer");
            Assert.That(tools.Single(), Does.Contain("\"ToolName\":\"send_email\""));
            Assert.That(File.ReadAllText(Path.Combine(Out("pyrit"), "AIConversationTurn_CL.jsonl")), Does.Contain("\"UserPrincipalName\":\"redteam@contoso.com\""));
        });
    }

    [Test]
    public async Task Usage_errors_exit_2_with_one_line()
    {
        var none = await Aipack("redteam", "import", "--out", Out("x"));
        var two = await Aipack("redteam", "import", "--garak", Fixture("garak.report.jsonl"), "--pyrit", Fixture("pyrit.export.json"), "--out", Out("x"));
        var missing = await Aipack("redteam", "import", "--garak", Out("nope.jsonl"), "--out", Out("x"));
        var report = await Aipack("redteam", "report", _work);
        Assert.Multiple(() =>
        {
            Assert.That(none.Exit, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(none.Error.Trim(), Is.EqualTo("aipack: give exactly one of --garak REPORT.jsonl, --pyrit EXPORT.json or --prompts FILE.jsonl."));
            Assert.That(two.Exit, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(missing.Error, Does.Contain("does not exist"));
            Assert.That(report.Exit, Is.EqualTo(ExitCodes.UsageOrInternalError));
            Assert.That(report.Error, Does.Contain("redteam.json is missing"));
        });
    }

    [Test]
    public async Task Report_simulates_every_rule_and_shows_per_family_detections_misses_and_false_positives()
    {
        var import = await Aipack("redteam", "import", "--prompts", Fixture("prompts.jsonl"), "--out", Out("purple"));
        Assert.That(import.Exit, Is.EqualTo(ExitCodes.Failures), import.Error);
        var text = await Aipack("redteam", "report", Out("purple"));
        var json = await Aipack("redteam", "report", Out("purple"), "--format", "json");
        var csv = await Aipack("redteam", "report", Out("purple"), "--format", "csv");
        Assert.That(text.Exit, Is.EqualTo(ExitCodes.Success), text.Out + text.Error);
        var document = JsonDocument.Parse(json.Out).RootElement;
        var attempts = document.GetProperty("attempts").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(text.Out, Does.Contain("Purple-team report: 6 attempt(s)"));
            Assert.That(text.Out, Does.Match(@"instruction-override\s+attack\s+1\s+1\s+100\.0%"), "the classic override is caught by the heuristic rules");
            Assert.That(attempts["pl-1"].GetProperty("detected").GetBoolean(), Is.True);
            Assert.That(attempts["pl-1"].GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("rule").GetString()), Does.Contain("PromptInjectionInstructionOverride"));
            Assert.That(attempts["pl-2"].GetProperty("detected").GetBoolean(), Is.False, "an ordinary request raises nothing");
            Assert.That(text.Out, Does.Contain("Attacks: "));
            Assert.That(text.Out, Does.Contain("Benign: 1 of 2 flagged at Medium or above (50.0%)"), "the benign line full of bidi and escape characters looks like smuggling");
            Assert.That(text.Out, Does.Contain("pl-6  by PromptInjectionUnicodeSmuggling (Medium)  Please \\u202eignore\\u202c this \\u001b[31mred\\u001b[0m text\\nwith a newline"),
                "false positives are listed with the rule and an escaped excerpt");
            Assert.That(document.GetProperty("overall").GetProperty("attacks").GetInt32(), Is.EqualTo(3));
            Assert.That(document.GetProperty("rules").GetInt32(), Is.GreaterThan(40), "every analytics rule of the pack ran");
            Assert.That(csv.Out.Split('\n')[0], Is.EqualTo("id,session,family,source,label,channel,detected,severity,medium_or_above,rules,model_compromised,excerpt"));
            Assert.That(csv.Out, Does.Contain("\\u202eignore\\u202c this \\u001b[31mred"), "hostile text is escaped in csv too");
            Assert.That((text.Out + csv.Out).IndexOfAny(['\u001b', '\u202e']), Is.EqualTo(-1), "no raw control or bidi character reaches the terminal");
        });
    }
}
