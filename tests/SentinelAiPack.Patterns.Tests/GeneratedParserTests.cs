using SentinelAiPack.Patterns.Kql;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Patterns.Tests;

/// <summary>The committed parser is exactly what the library generates: nobody edits it by hand, and nobody forgets to regenerate.</summary>
public class GeneratedParserTests
{
    [Test]
    public void The_library_loads_without_findings()
    {
        var library = PatternLibraryFixture.Library;

        Assert.That(library.Diagnostics.Select(d => $"{d.FilePath}:{d.Span.Line}: {d.Code} {d.Message}"), Is.Empty);
        Assert.That(library.Families.Select(f => f.Name), Is.EquivalentTo(new[]
        {
            "EncodedPayload", "FakeRoleMarker", "GoalHijack", "InstructionOverride", "InvisibleUnicode", "MarkdownExfiltration",
            "PersonaRolePlay", "PlantedInstruction", "SystemPromptExtraction",
        }));
    }

    [Test]
    public void Committed_parser_files_match_the_library()
    {
        foreach (var file in SignalsParserFiles.Generate(PatternLibraryFixture.Library))
        {
            var path = Path.Combine(RepositoryPaths.Parsers, file.FileName);
            Assert.That(File.Exists(path), Is.True, $"{file.FileName} is missing: run `aipack patterns generate`");
            Assert.That(File.ReadAllText(path), Is.EqualTo(file.Text), $"{file.FileName} is stale: run `aipack patterns generate`");
        }
    }

    [Test]
    public void Generation_is_deterministic()
    {
        var first = SignalsParserFiles.Generate(PatternLibraryFixture.Library).Select(f => f.Text);
        var second = SignalsParserFiles.Generate(Loading.PatternLibraryReader.Load(PatternLibraryFixture.PatternsFolder)).Select(f => f.Text);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Every_family_documents_its_false_positives_and_has_attack_and_benign_examples()
    {
        Assert.Multiple(() =>
        {
            foreach (var family in PatternLibraryFixture.Library.Families)
            {
                Assert.That(family.FalsePositives, Has.Length.GreaterThan(80), family.Name);
                Assert.That(family.Examples.Count(e => e.Expect == Model.ExampleExpectation.Attack), Is.GreaterThanOrEqualTo(3), family.Name);
                Assert.That(family.Examples.Count(e => e.Expect == Model.ExampleExpectation.Benign), Is.GreaterThanOrEqualTo(2), family.Name);
            }
        });
    }
}
