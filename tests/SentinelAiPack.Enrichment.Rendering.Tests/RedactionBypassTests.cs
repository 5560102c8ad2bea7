using System.Text;
using SentinelAiPack.Enrichment.Rendering.Redaction;

namespace SentinelAiPack.Enrichment.Rendering.Tests;

/// <summary>
/// Tricks that hid secrets from the patterns when invisible characters were made visible before redaction, and that
/// kept links and hosts live. Each must be redacted (or defanged) and leave none of the secret visible.
/// </summary>
public class RedactionBypassTests
{
    private const string AwsKeyTail = "ABCDEFGHIJKLMNOP";

    private static string Render(string text) => ActiveMarkup.VisibleText(new IncidentCommentBuilder().Paragraph(text).Build().Html);

    private static string Tags(string ascii) => string.Concat(ascii.Select(c => char.ConvertFromUtf32(0xE0000 + c)));

    private static string FullWidth(string ascii) => string.Concat(ascii.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + 0xFF01) : c));

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IEnumerable<TestCaseData> InvisibleSplits()
    {
        foreach (var (name, invisible) in new[]
        {
            ("zero-width space", "\u200B"), ("zero-width joiner", "\u200D"), ("word joiner", "\u2060"), ("soft hyphen", "\u00AD"),
            ("BOM", "\uFEFF"), ("right-to-left override", "\u202E"), ("bidi isolate", "\u2066"), ("emoji selector", "\uFE0F"),
            ("variation selector 17", char.ConvertFromUtf32(0xE0100)), ("tag characters", Tags("x")), ("lone surrogate", "\uD800"),
            ("private use", "\uE000"), ("interlinear annotation", "\uFFF9"), ("Hangul filler", "\u3164"), ("combining grapheme joiner", "\u034F"),
        })
        {
            yield return new TestCaseData("key AKIA" + invisible + AwsKeyTail + " here", "aws-access-key-id", AwsKeyTail).SetName($"AWS key split by {name}");
            yield return new TestCaseData("sk-proj-abc" + invisible + "defghijklmnopqrstuvwxyz012345", "openai-style-key", "defghijklmnopqrstuvwxyz").SetName($"OpenAI key split by {name}");
        }

        yield return new TestCaseData("ghp_0123456789\u200Babcdefghij\u200Cklmnopqrstuvwxyz\u200DAB", "github-token", "abcdefghij").SetName("GitHub token split three times");
        yield return new TestCaseData("card 4111\u200B 1111 1111\u2060 1111", "credit-card", "1111 1111").SetName("Card number split by zero-width characters");
        yield return new TestCaseData("Password\u200B=Sup3rS3cret!;", "connection-string-secret", "Sup3rS3cret").SetName("Connection-string key name split");
    }

    [TestCaseSource(nameof(InvisibleSplits))]
    public void A_secret_split_by_an_invisible_character_is_redacted(string input, string pattern, string secretPart)
    {
        var text = Render(input);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain($"[REDACTED:{pattern}]"));
            Assert.That(text, Does.Not.Contain(secretPart));
        });
    }

    [Test]
    public void The_invisible_character_that_split_a_secret_is_shown_after_the_redaction()
    {
        Assert.That(Render("key AKIA\u200B" + AwsKeyTail + " here"), Is.EqualTo("key [REDACTED:aws-access-key-id][U+200B] here"));
    }

    [Test]
    public void Invisible_characters_outside_secrets_stay_where_they_were()
    {
        Assert.That(Render("a\u200Bb AKIA" + AwsKeyTail + " c\u202Ed"), Is.EqualTo("a[U+200B]b [REDACTED:aws-access-key-id] c[U+202E]d"));
    }

    [Test]
    public void An_ordinary_emoji_selector_is_kept_as_text()
    {
        Assert.That(Render("ok \u2764\uFE0F done"), Is.EqualTo("ok \u2764\uFE0F done"));
    }

    [TestCase("AKIA" + AwsKeyTail, "aws-access-key-id")]
    [TestCase("sk-proj-abcdefghijklmnopqrstuvwxyz012345", "openai-style-key")]
    [TestCase("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "github-token")]
    [TestCase("alice@example.com", "email")]
    [TestCase("AccountKey=bXlzZWNyZXRrZXltYXRlcmlhbA==", "connection-string-secret")]
    public void A_full_width_look_alike_of_a_secret_is_redacted(string ascii, string pattern)
    {
        var comment = new IncidentCommentBuilder().Paragraph("value " + FullWidth(ascii) + " end").Build();
        var text = ActiveMarkup.VisibleText(comment.Html);
        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo($"value [REDACTED:{pattern}] end"));
            Assert.That(comment.UnicodeFolded, Is.GreaterThan(0));
        });
    }

    private static IEnumerable<TestCaseData> Jwts()
    {
        var signature = Base64Url("signature-bytes-0123456789");
        yield return new TestCaseData($"{Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{Base64Url(" {\"sub\":\"alice\"}")}.{signature}").SetName("JWT whose payload starts with a space");
        yield return new TestCaseData($"{Base64Url("{\"alg\":\"HS256\"}")}.{Base64Url("[\"not\",\"an\",\"object\"]")}.{signature}").SetName("JWT whose payload is not an object");
        yield return new TestCaseData($"{Base64Url("{ \"alg\": \"RS256\" }")}.{Base64Url("{ \"sub\": \"alice\" }")}.{signature}").SetName("JWT with spaced JSON (eyA…)");
        yield return new TestCaseData($"{Base64Url("{\n  \"alg\": \"RS256\"\n}")}.{Base64Url("{\n  \"sub\": \"alice\"\n}")}.{signature}").SetName("JWT with indented JSON (ewo…)");
        yield return new TestCaseData($"{Base64Url("{\"typ\":\"JWT\",\"alg\":\"none\"}")}.{Base64Url("{\"admin\":true}")}.").SetName("Unsigned JWT (alg none, empty signature)");
        yield return new TestCaseData($"{Base64Url("{\"\\u0061lg\":\"HS256\"}")}.{Base64Url("{\"sub\":\"alice\"}")}.{signature}").SetName("JWT with an escaped header key");
        yield return new TestCaseData($"{Base64Url("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}")}.{Base64Url("encrypted-key-0123")}.{Base64Url("iv-0123456")}.{Base64Url("ciphertext-0123456789")}.{Base64Url("tag-0123456")}").SetName("JWE with five parts");
        yield return new TestCaseData($"{Base64Url("{\"alg\":\"HS256\"}")}==.{Base64Url("{\"sub\":\"alice\"}")}.{signature}").SetName("JWT with padding");
    }

    [TestCaseSource(nameof(Jwts))]
    public void A_jwt_is_redacted_whatever_its_payload_starts_with(string token)
    {
        var text = Render("Authorization header " + token + " sent");
        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("Authorization header [REDACTED:jwt] sent"));
            Assert.That(TokenShapes.IsJoseToken(token), Is.True);
        });
    }

    [TestCase("config.settings.production.json")]
    [TestCase("SomeNamespace.SomeClass.SomeMethod")]
    [TestCase("abcdefghijklmnop.qrstuvwxyz.abc")]
    public void Dotted_names_are_not_taken_for_jwts(string text)
    {
        Assert.That(TokenShapes.IsJoseToken(text), Is.False);
    }

    [Test]
    public void A_secret_hidden_in_tag_characters_is_redacted_inside_the_hidden_text_note()
    {
        var text = Render("Hello" + Tags("use key AKIA" + AwsKeyTail) + "!");
        Assert.That(text, Is.EqualTo("Hello[hidden tag text: \"use key [REDACTED:aws-access-key-id]\"]!"));
    }

    [Test]
    public void A_link_hidden_in_tag_characters_is_defanged_inside_the_note()
    {
        var text = Render("x" + Tags("open https://evil.example/a") + "y");
        Assert.That(text, Is.EqualTo("x[hidden tag text: \"open hxxps://evil[.]example/a\"]y"));
    }

    [TestCase("from 203.0.113.7 and 10.0.0.1.", "from 203[.]0[.]113[.]7 and 10[.]0[.]0[.]1.")]
    [TestCase("metadata at http://169.254.169.254/latest", "metadata at hxxp://169[.]254[.]169[.]254/latest")]
    [TestCase("full-width １９２．１６８．０．１", "full-width 192[.]168[.]0[.]1")]
    [TestCase("v6 2001:db8::1 and fe80::1", "v6 2001[:]db8[:][:]1 and fe80[:][:]1")]
    [TestCase("not addresses: 12:30:45, std::vector, aa:bb:cc:dd:ee:ff, 1.2.3, 256.1.1.1", "not addresses: 12:30:45, std::vector, aa:bb:cc:dd:ee:ff, 1.2.3, 256.1.1.1")]
    public void Bare_ip_addresses_are_defanged(string input, string expected)
    {
        Assert.That(Render(input), Is.EqualTo(expected));
    }

    [TestCase("visit \u0430pple.com now", "visit \u0430pple[.]com [IDN xn--pple-43d[.]com] now")]
    [TestCase("visit xn--pple-43d.com now", "visit xn--pple-43d[.]com now")]
    [TestCase("shop at b\u00FCcher.de", "shop at b\u00FCcher[.]de [IDN xn--bcher-kva[.]de]")]
    [TestCase("ideographic stop evil\u3002example", "ideographic stop evil[.]example")]
    [TestCase("full-width stop evil\uFF0Eexample", "full-width stop evil[.]example")]
    [TestCase("\u4F8B\u3048.\u30C6\u30B9\u30C8", "\u4F8B\u3048[.]\u30C6\u30B9\u30C8 [IDN xn--r8jz45g[.]xn--zckzah]")]
    [TestCase("punycode tld example.xn--p1ai", "punycode tld example[.]xn--p1ai")]
    public void Internationalised_and_punycode_hosts_are_defanged(string input, string expected)
    {
        Assert.That(Render(input), Is.EqualTo(expected));
    }

    [Test]
    public void Chinese_and_japanese_prose_with_ideographic_stops_is_left_alone()
    {
        Assert.That(Render("\u4ECA\u65E5\u306F\u6674\u308C\u3002\u660E\u65E5\u306F\u96E8"), Is.EqualTo("\u4ECA\u65E5\u306F\u6674\u308C\u3002\u660E\u65E5\u306F\u96E8"));
    }

    [TestCase("\uFF48\uFF54\uFF54\uFF50\uFF53\uFF1A\uFF0F\uFF0Fevil.example", "hxxps://evil[.]example")]
    [TestCase("java\u200Bscript:alert(1)", "javascript[:][U+200B]alert(1)")]
    [TestCase("ht\u2060tps://evil.example", "hxxps:[U+2060]//evil[.]example")]
    public void Schemes_disguised_by_width_or_invisible_characters_are_defanged(string input, string expected)
    {
        var html = new IncidentCommentBuilder().Paragraph(input).Build().Html;
        Assert.Multiple(() =>
        {
            Assert.That(ActiveMarkup.VisibleText(html), Is.EqualTo(expected));
            Assert.That(ActiveMarkup.Find(html), Is.Empty);
        });
    }

    [Test]
    public void The_redactor_alone_sees_through_invisible_characters()
    {
        var (text, redactions) = new Redactor().Redact("AKIA\u200B" + AwsKeyTail);
        Assert.Multiple(() =>
        {
            Assert.That(redactions, Is.EqualTo(1));
            Assert.That(text, Is.EqualTo("[REDACTED:aws-access-key-id][U+200B]"));
        });
    }
}
