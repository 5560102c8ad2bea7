using SentinelAiPack.Engine.Output;

namespace SentinelAiPack.Engine.Tests.Simulation;

/// <summary>Attacker-written text printed to a terminal or CSV (simulate, redteam report, run).</summary>
public sealed class TextEscapingTests
{
    [TestCase("plain text, äöü 日本", "plain text, äöü 日本")]
    [TestCase("a\nb\tc\rd", "a\\nb\\tc\\rd")]
    [TestCase("\u001b[2Jclear", "\\u001b[2Jclear")]
    [TestCase("left\u202eright\u2066", "left\\u202eright\\u2066")]
    [TestCase("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff")]
    [TestCase("line\u2028sep", "line\\u2028sep")]
    [TestCase("tag \U000E0041\U000E0042 chars", "tag \\U000e0041\\U000e0042 chars")]
    [TestCase("emoji 😀 stays", "emoji 😀 stays")]
    public void Control_format_bidi_and_tag_characters_are_shown_escaped(string input, string expected) =>
        Assert.That(TextEscaping.ForTerminal(input), Is.EqualTo(expected));

    [Test]
    public void A_lone_surrogate_is_shown_escaped() =>
        Assert.That(TextEscaping.ForTerminal(new string(['a', '\ud800', 'b'])), Is.EqualTo("a\\ud800b"));

    [Test]
    public void Excerpts_are_cut_after_escaping_and_never_split_a_surrogate_pair()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TextEscaping.Excerpt("short", 10), Is.EqualTo("short"));
            Assert.That(TextEscaping.Excerpt("0123456789abcdef", 10), Is.EqualTo("0123456..."));
            Assert.That(TextEscaping.Excerpt("012345😀xyz", 10), Is.EqualTo("012345..."), "the emoji's surrogate pair is not cut in half");
            Assert.That(TextEscaping.Excerpt("\n\n\n\n\n\n", 6).Length, Is.LessThanOrEqualTo(6));
        });
    }

    [TestCase("plain", "plain")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("two\nlines", "\"two\nlines\"")]
    public void Csv_fields_are_quoted_as_rfc_4180_says(string input, string expected) =>
        Assert.That(TextEscaping.CsvField(input), Is.EqualTo(expected));
}
