using SentinelAiPack.Patterns.Loading;

namespace SentinelAiPack.Patterns.Tests;

public class Re2PortabilityTests
{
    [TestCase(@"ignore(?=\s)", "lookahead")]
    [TestCase(@"(?<!my )instructions", "lookahead/lookbehind")]
    [TestCase(@"(a)\1", "backreference")]
    [TestCase(@"(?<name>x)", "named group")]
    [TestCase(@"(?>abc)", "atomic")]
    [TestCase(@"a++", "possessive")]
    [TestCase(@"\w+", @"\w and \d")]
    [TestCase(@"\u200B", @"\u")]
    [TestCase(@"(?x)a b", "inline flags")]
    [TestCase(@"a{0,2000}", "repeat counts")]
    [TestCase(@"\Z", ".NET-only")]
    public void Constructs_that_differ_between_RE2_and_dotnet_are_reported(string pattern, string problem) =>
        Assert.That(Re2Portability.Problems(pattern), Has.Some.Contains(problem));

    [TestCase(@"(?i)\b(ignore|disregard)\s+(all\s+)?previous\b")]
    [TestCase(@"(?im)^[ \t]*system[ \t]*:")]
    [TestCase(@"(?P<word>[a-z]+)")]
    [TestCase(@"\\w is a literal backslash and w")]
    [TestCase(@"[a-z0-9_]{0,1000}")]
    public void Portable_patterns_pass(string pattern) => Assert.That(Re2Portability.Problems(pattern), Is.Empty);

    [Test]
    public void Every_library_pattern_is_portable()
    {
        var patterns = PatternLibraryFixture.Library.Families.SelectMany(f => f.Patterns.Concat(f.Squashed)).ToList();

        Assert.That(patterns, Is.Not.Empty);
        Assert.That(patterns.Where(p => Re2Portability.Problems(p.Regex).Count > 0).Select(p => p.Name), Is.Empty);
    }
}
