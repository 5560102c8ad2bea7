using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Patterns.Model;

namespace SentinelAiPack.Patterns.Tests;

/// <summary>
/// Every example of every family file, run through the committed AITextAttackSignals parser on the local engine: an
/// attack example raises its family at Low or above and not as meta discussion, a benign example raises no family at
/// Medium or above, a meta example raises its family and every signal of the text is meta discussion (Informational).
/// </summary>
public class FamilyExampleTests
{
    public sealed record Example(PatternFamily Family, FamilyExample Item, string Key)
    {
        public override string ToString() => $"{Family.Name} {Item.Expect} line {Item.Line}";
    }

    public sealed record Signal(string Family, string Technique, int Score, bool IsMeta);

    public static IEnumerable<TestCaseData> Examples() =>
        AllExamples().Select(e => new TestCaseData(e).SetName($"{e.Family.Name}_{e.Item.Expect}_line_{e.Item.Line}"));

    private static List<Example> AllExamples() =>
        [.. PatternLibraryFixture.Library.Families.SelectMany(f => f.Examples.Select(item => new Example(f, item, $"{f.Name}:{item.Line}")))];

    private static readonly Lazy<Dictionary<string, List<Signal>>> Signals = new(RunAll);

    private static Dictionary<string, List<Signal>> RunAll()
    {
        var rows = new Dictionary<string, List<Dictionary<string, object?>>>
        {
            ["AIConversationTurn_CL"] = [], ["AIRetrieval_CL"] = [], ["AIKnowledgeBaseWrite_CL"] = [],
        };
        var at = PatternLibraryFixture.Now.AddMinutes(-5);
        foreach (var e in AllExamples())
        {
            var text = e.Item.Text;
            switch (e.Item.Source)
            {
                case TextSources.Document:
                    rows["AIRetrieval_CL"].Add(new() { ["TimeGenerated"] = at, ["AppName"] = "app", ["SessionId"] = e.Key, ["RetrievalId"] = "r", ["DocumentId"] = "d", ["IndexName"] = "kb", ["ContentSnippet"] = text });
                    break;
                case TextSources.KnowledgeBaseWrite:
                    rows["AIKnowledgeBaseWrite_CL"].Add(new() { ["TimeGenerated"] = at, ["IndexName"] = "kb", ["Operation"] = "Upload", ["DocumentId"] = e.Key, ["ActorPrincipalName"] = "writer@contoso.com", ["ContentSnippet"] = text });
                    break;
                default:
                    var role = e.Item.Source switch { TextSources.ToolOutput => "tool", TextSources.ModelOutput => "assistant", _ => "user" };
                    rows["AIConversationTurn_CL"].Add(new() { ["TimeGenerated"] = at, ["AppName"] = "app", ["SessionId"] = e.Key, ["MessageId"] = "m", ["Role"] = role, ["Content"] = text });
                    break;
            }
        }
        var table = PatternLibraryFixture.Run(
            "AITextAttackSignals() | project Key = iff(Source == 'KnowledgeBaseWrite', DocumentId, SessionId), Family, Technique, Score, IsMetaDiscussion", rows);
        return table.Rows()
            .Select(r => (Key: (string)r[0]!, Signal: new Signal((string)r[1]!, (string)r[2]!, Convert.ToInt32(r[3], System.Globalization.CultureInfo.InvariantCulture), (bool)r[4]!)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Signal).ToList());
    }

    [TestCaseSource(nameof(Examples))]
    public void Example_is_scored_as_its_file_says(Example example)
    {
        var signals = Signals.Value.GetValueOrDefault(example.Key) ?? [];
        var own = signals.Where(s => s.Family == example.Family.Name).ToList();
        var described = $"'{example.Item.Text}' gave [{string.Join("; ", signals.Select(s => $"{s.Family}/{s.Technique} {s.Score}{(s.IsMeta ? " meta" : "")}"))}]";
        switch (example.Item.Expect)
        {
            case ExampleExpectation.Attack:
                Assert.That(own.Any(s => s.Score >= 20 && !s.IsMeta), Is.True, described);
                break;
            case ExampleExpectation.Benign:
                Assert.That(signals.Where(s => s.Score >= 40), Is.Empty, described);
                break;
            default:
                Assert.That(own, Is.Not.Empty, described);
                Assert.That(signals.All(s => s.IsMeta && s.Score < 20), Is.True, described);
                break;
        }
    }
}
