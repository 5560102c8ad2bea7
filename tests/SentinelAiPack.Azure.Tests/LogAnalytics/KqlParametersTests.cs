using System.Text;
using System.Text.RegularExpressions;
using SentinelAiPack.Azure.LogAnalytics;

namespace SentinelAiPack.Azure.Tests.LogAnalytics;

public class KqlParametersTests
{
    private static readonly Regex SafeStringLet = new("^let v = base64_decode_tostring\\(\"[A-Za-z0-9+/=]+\"\\);\n$");

    private static IEnumerable<string> HostileValues()
    {
        yield return "\"";
        yield return "'";
        yield return "\\\"; drop";
        yield return "x\" | union SecurityAlert | project *";
        yield return "a\nlet y = 1;\nSecurityAlert";
        yield return "/* comment */ // rest";
        yield return "*/ | take 1";
        yield return "\u202Eevil\u2066";
        yield return "h'@\"raw\"";
        yield return "```kql\n```";
        yield return new string('\'', 1024 * 1024);
    }

    [TestCaseSource(nameof(HostileValues))]
    public void Hostile_strings_travel_only_as_base64_and_decode_to_the_same_text(string value)
    {
        var prolog = new KqlParameters().Add("v", value).Prolog;

        Assert.Multiple(() =>
        {
            Assert.That(SafeStringLet.IsMatch(prolog), Is.True, prolog.Length > 200 ? prolog[..200] : prolog);
            Assert.That(Decode(prolog), Is.EqualTo(value));
        });
    }

    [Test]
    public void Invalid_surrogates_are_replaced_not_passed_through()
    {
        var prolog = new KqlParameters().Add("v", "a\uD800b\uDFFFc").Prolog;
        Assert.That(Decode(prolog), Is.EqualTo("a\uFFFDb\uFFFDc"));
    }

    [Test]
    public void Typed_values_are_formatted_invariantly()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var prolog = new KqlParameters()
                .Add("n", 42L)
                .Add("i", -7)
                .Add("r", 1.5)
                .Add("nan", double.NaN)
                .Add("inf", double.NegativeInfinity)
                .Add("b", true)
                .Add("t", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567))
                .Add("span", TimeSpan.FromMinutes(90))
                .Add("negative", TimeSpan.FromSeconds(-1))
                .Add("g", new Guid("73e01a99-5cd7-4139-a149-9f2736ff2ab5"))
                .Add("empty", string.Empty)
                .Prolog;

            Assert.That(prolog, Is.EqualTo(
                "let n = long(42);\n"
                + "let i = int(-7);\n"
                + "let r = real(1.5);\n"
                + "let nan = real(nan);\n"
                + "let inf = real(-inf);\n"
                + "let b = true;\n"
                + "let t = datetime(2030-01-02T01:04:05.1234567Z);\n"
                + "let span = 54000000000tick;\n"
                + "let negative = (0tick - 10000000tick);\n"
                + "let g = guid(73e01a99-5cd7-4139-a149-9f2736ff2ab5);\n"
                + "let empty = \"\";\n"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Test]
    public void String_lists_become_a_parsed_json_array()
    {
        var prolog = new KqlParameters().AddStringList("ids", ["a\"b", "c|d"]).Prolog;
        var match = Regex.Match(prolog, "^let ids = parse_json\\(base64_decode_tostring\\(\"(?<b64>[A-Za-z0-9+/=]+)\"\\)\\);\n$");
        Assert.Multiple(() =>
        {
            Assert.That(match.Success, Is.True);
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups["b64"].Value)), Is.EqualTo("[\"a\\u0022b\",\"c|d\"]"));
        });
    }

    [TestCase("1abc")]
    [TestCase("a-b")]
    [TestCase("a b")]
    [TestCase("x;drop")]
    [TestCase("")]
    [TestCase("where")]
    [TestCase("LET")]
    [TestCase("ünïcode")]
    public void Names_must_be_plain_non_keyword_identifiers(string name)
    {
        Assert.That(() => new KqlParameters().Add(name, 1), Throws.ArgumentException);
    }

    [Test]
    public void A_name_can_be_bound_once()
    {
        Assert.That(() => new KqlParameters().Add("x", 1).Add("x", 2), Throws.ArgumentException.With.Message.Contains("twice"));
    }

    [Test]
    public void Apply_puts_the_prolog_before_the_query()
    {
        Assert.That(new KqlParameters().Add("x", 1).Apply("T | where A == x"), Is.EqualTo("let x = int(1);\nT | where A == x"));
    }

    private static string Decode(string prolog)
    {
        var start = prolog.IndexOf('"') + 1;
        var end = prolog.IndexOf('"', start);
        return Encoding.UTF8.GetString(Convert.FromBase64String(prolog[start..end]));
    }
}
