using System.Text.RegularExpressions;
using SentinelAiPack.Engine.Functions;
using SentinelAiPack.Engine.Functions.Aggregates;

namespace SentinelAiPack.Engine.Tests;

/// <summary>docs/engine.md lists exactly the functions and aggregates the engine registers.</summary>
public class DocsTests
{
    private static string Section(string heading)
    {
        var text = File.ReadAllText(Path.Combine(PackContent.Root, "docs", "engine.md"));
        var match = Regex.Match(text, @"\*\*" + heading + @"\*\*:(.*?)(\n\n|\r\n\r\n)", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"docs/engine.md has no '**{heading}**:' paragraph");
        return match.Groups[1].Value;
    }

    private static string[] Names(string section) =>
        section.Split([',', '\n', '\r', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length > 0).ToArray();

    [Test]
    public void Functions_paragraph_matches_the_registry() =>
        Assert.That(Names(Section("Functions")), Is.EquivalentTo(FunctionRegistry.Instance.Names));

    [Test]
    public void Aggregates_paragraph_matches_the_registry() =>
        Assert.That(Names(Section("Aggregates")), Is.EquivalentTo(AggregateRegistry.Names));
}
