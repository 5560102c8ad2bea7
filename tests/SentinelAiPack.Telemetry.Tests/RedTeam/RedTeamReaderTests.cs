using SentinelAiPack.Telemetry.RedTeam;

namespace SentinelAiPack.Telemetry.Tests.RedTeam;

/// <summary>
/// The red-team readers on fixtures written for these tests in each tool's documented format: a garak report.jsonl,
/// a PyRIT memory export, and the shared labelled prompt list, each with malformed entries that must be reported by
/// file and line while the rest is read.
/// </summary>
public sealed class RedTeamReaderTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "RedTeam", "Fixtures", name);

    [Test]
    public void Garak_attempts_are_read_once_each_with_family_turns_output_and_detector_outcome()
    {
        var result = GarakReportReader.Read(Fixture("garak.report.jsonl"), "garak.report.jsonl");
        var byId = result.Attempts.ToDictionary(a => a.Id[^1..]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Attempts, Has.Count.EqualTo(5), "the attempt written at status 1 and 2 counts once; the broken ones are skipped");
            Assert.That(result.Attempts.Select(a => a.Family), Is.EqualTo(new[] { "encoding", "encoding", "promptinject", "dan", "latentinjection" }));
            Assert.That(byId["1"].Source, Is.EqualTo("garak encoding.InjectBase64"));
            Assert.That(byId["1"].ModelCompromised, Is.True, "status 2 kept: its detector scored 1.0");
            Assert.That(byId["1"].Messages.Select(m => m.Role), Is.EqualTo(new[] { "user", "assistant" }));
            Assert.That(byId["1"].PayloadText, Does.StartWith("Decode the following BASE64 text"));
            Assert.That(byId["2"].ModelCompromised, Is.False);
            Assert.That(byId["3"].Messages[1].Text, Is.EqualTo("I hate humans"), "the first non-empty output is the answer");
            Assert.That(byId["4"].Messages.Select(m => m.Role), Is.EqualTo(new[] { "system", "user", "assistant" }));
            Assert.That(byId["5"].PayloadText, Does.Contain("<|endoftext|>"), "an older report's string prompt");
            Assert.That(result.Attempts.All(a => a.Label == RedTeamLabels.Attack), Is.True);
            Assert.That(result.Problems.Select(p => $"{p.File}:{p.Line}"), Is.EqualTo(new[] { "garak.report.jsonl:10", "garak.report.jsonl:11", "garak.report.jsonl:12" }));
            Assert.That(result.Problems[0].Message, Does.StartWith("not valid JSON: "));
            Assert.That(result.Problems[1].Message, Is.EqualTo("attempt 2f0b6a0e-1111-4a6e-9b1e-000000000006 has no prompt text (\"prompt\" must be a conversation with turns, a message or a string)"));
            Assert.That(result.Problems[2].Message, Is.EqualTo("a report entry must be a JSON object"));
        });
    }

    [Test]
    public void Pyrit_conversations_become_attempts_with_converter_families_verdicts_and_tool_calls()
    {
        var result = PyritExportReader.Read(Fixture("pyrit.export.json"), "pyrit.export.json");
        var byId = result.Attempts.ToDictionary(a => a.Id);
        Assert.Multiple(() =>
        {
            Assert.That(byId.Keys, Is.EquivalentTo(new[] { "conv-b64", "conv-crescendo", "conv-legacy", "conv-tool" }));
            Assert.That(byId["conv-b64"].Family, Is.EqualTo("Base64"));
            Assert.That(byId["conv-b64"].Source, Is.EqualTo("pyrit PromptSendingAttack Base64Converter"));
            Assert.That(byId["conv-b64"].Messages[0].Text, Does.Not.Contain("administrator"), "the converted (encoded) prompt is what the target got");
            Assert.That(byId["conv-b64"].Verdicts.Single(), Is.EqualTo(new RedTeamVerdict(0, "PromptShields", "Jailbreak", "High", true)));
            Assert.That(byId["conv-b64"].ModelCompromised, Is.False, "the refusal scorer said the model refused");
            Assert.That(byId["conv-crescendo"].Family, Is.EqualTo("Crescendo"));
            Assert.That(byId["conv-crescendo"].Messages.Select(m => m.Role), Is.EqualTo(new[] { "system", "user", "assistant", "user", "assistant" }));
            Assert.That(byId["conv-crescendo"].ModelCompromised, Is.True);
            Assert.That(byId["conv-crescendo"].Verdicts.Single(), Is.EqualTo(new RedTeamVerdict(4, "ContentSafetyText", "Violence", "Medium", true, 4)));
            Assert.That(byId["conv-legacy"].Family, Is.EqualTo("ROT13"), "older exports name classes in __type__");
            Assert.That(byId["conv-legacy"].Source, Is.EqualTo("pyrit RedTeamingOrchestrator ROT13Converter"));
            Assert.That(byId["conv-tool"].ToolCalls.Single(), Is.EqualTo(new RedTeamToolCall("send_email", "{\"to\": \"me@gmail.example\"}", "sent")));
            Assert.That(result.Problems.Select(p => p.ToString()), Is.EquivalentTo(new[]
            {
                "pyrit.export.json: element 14: a message piece without \"conversation_id\"",
                "pyrit.export.json: conversation conv-image has no text message from the user; skipped",
            }));
        });
    }

    [Test]
    public void Prompt_lists_check_each_line_and_import_the_good_ones()
    {
        var result = PromptListReader.Read(Fixture("prompts.jsonl"), "prompts.jsonl");
        Assert.Multiple(() =>
        {
            Assert.That(result.Attempts.Select(a => a.Id), Is.EqualTo(new[] { "pl-1", "pl-2", "pl-3", "pl-4", "pl-5", "pl-6" }));
            Assert.That(result.Attempts.Select(a => a.Label), Is.EqualTo(new[] { "attack", "benign", "discussion", "attack", "attack", "benign" }));
            Assert.That(result.Attempts[3].Channel, Is.EqualTo("document"));
            Assert.That(result.Attempts[3].Messages, Is.Empty, "a document's text is not a user message");
            Assert.That(result.Attempts[3].PayloadText, Does.StartWith("Refund policy."));
            Assert.That(result.Attempts[4].Channel, Is.EqualTo("tool"));
            Assert.That(result.Attempts[5].PayloadText, Does.Contain("\u202e").And.Contain("\u001b"), "hostile text is imported as it is");
            Assert.That(result.Attempts[0].Origin, Is.EqualTo("prompts.jsonl:1"));
            Assert.That(result.Problems[0].ToString(), Does.StartWith("prompts.jsonl:4: not valid JSON: "));
            Assert.That(result.Problems.Skip(1).Select(p => p.ToString()), Is.EqualTo(new[]
            {
                "prompts.jsonl:8: \"label\" is 'malicious'; expected attack, benign or discussion",
                "prompts.jsonl:9: \"prompt\" is missing",
                "prompts.jsonl:10: id 'pl-1' is already used on line 1; skipped",
                "prompts.jsonl:11: \"channel\" is 'email'; expected user, document or tool",
                "prompts.jsonl:12: \"id\" must be a string, not number",
                "prompts.jsonl:14: each line must be a JSON object {\"id\", \"prompt\", \"family\", \"source\", \"label\"}",
            }));
        });
    }

    [Test]
    public void Binary_and_oversized_lines_are_reported_without_stopping_the_import()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aipack-rt-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                writer.WriteLine("{\"id\": \"a\", \"prompt\": \"x\0y\", \"family\": \"f\", \"label\": \"benign\"}");
                writer.WriteLine(new string('x', JsonLines.MaxLineChars + 10));
                writer.WriteLine("{\"id\": \"b\", \"prompt\": \"hello\", \"family\": \"f\", \"label\": \"benign\", \"extra\": 1}");
                writer.Write("{\"id\": \"c\", \"prompt\": \"last line without newline\", \"family\": \"f\", \"label\": \"benign\"}");
            }
            var result = PromptListReader.Read(path, "in.jsonl");
            Assert.Multiple(() =>
            {
                Assert.That(result.Attempts.Select(a => a.Id), Is.EqualTo(new[] { "c" }));
                Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
                {
                    "in.jsonl:1: the line holds binary data (NUL characters), not JSON",
                    "in.jsonl:2: the line is longer than 8 M characters; skipped",
                    "in.jsonl:3: unknown key \"extra\" (keys: id, prompt, family, source, label, channel)",
                }));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_file_of_another_format_says_so()
    {
        var garakOnPrompts = GarakReportReader.Read(Fixture("prompts.jsonl"), "prompts.jsonl");
        var pyritOnGarak = PyritExportReader.Read(Fixture("garak.report.jsonl"), "garak.report.jsonl");
        Assert.Multiple(() =>
        {
            Assert.That(garakOnPrompts.Attempts, Is.Empty);
            Assert.That(pyritOnGarak.Attempts, Is.Empty);
            Assert.That(pyritOnGarak.Problems, Is.Not.Empty);
        });
    }
}
