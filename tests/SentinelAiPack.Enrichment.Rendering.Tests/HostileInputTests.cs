using System.Text;

namespace SentinelAiPack.Enrichment.Rendering.Tests;

public class HostileInputTests
{
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(document.cookie)\">click</a>",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "<svg/onload=alert(1)>",
        "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
        "<!-- hidden --><b>bold</b>",
        "[click me](javascript:alert(1)) ![img](https://evil.example/x.png)",
        "<https://evil.example/login>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<style>body{display:none}</style>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "'; drop table incidents; --",
        "\" | where 1==1 | project secret // */ let x = 1;",
        "SecurityAlert | union (AITurns() | take 1) /* comment */",
        "</pre></p></td></table><script>alert(1)</script>",
        "<p onclick=alert(1)>x</p>",
        "``` \n<script>alert(1)</script>\n```",
        "line1\r\n\r\n<script>alert(1)</script>",
        "<form action=https://evil.example><input type=submit></form>",
        "https://evil.example/path?q=1#frag",
        "www.evil.example",
        "\u202Egnp.exe",
        "<scr\u200Bipt>alert(1)</scr\u200Bipt>",
    ];

    private static IEnumerable<string> Cases() => Hostile;

    [TestCaseSource(nameof(Cases))]
    public void No_active_markup_from_hostile_text_in_any_block(string hostile)
    {
        var comment = new IncidentCommentBuilder()
            .Heading(hostile)
            .Paragraph(hostile)
            .Strong(hostile)
            .BulletList([hostile, hostile])
            .Fields([new(hostile, hostile)])
            .Preformatted(hostile)
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(ActiveMarkup.Find(comment.Html), Is.Empty);
            Assert.That(ActiveMarkup.OnlyWhitelistedTags(comment.Html), Is.True);
            Assert.That(comment.Html, Does.Not.Contain("\n"));
        });
    }

    [Test]
    public void Escaped_text_reads_back_as_the_original_characters()
    {
        var html = new IncidentCommentBuilder().Paragraph("a < b && c > d \"quoted\" 'single' [x](y) *z*").Build().Html;
        Assert.That(ActiveMarkup.VisibleText(html), Is.EqualTo("a < b && c > d \"quoted\" 'single' [x](y) *z*"));
    }

    [Test]
    public void Urls_are_defanged_so_the_portal_cannot_link_them()
    {
        var text = ActiveMarkup.VisibleText(new IncidentCommentBuilder().Paragraph("see https://evil.example/a.html and http://x.test and javascript:void(0)").Build().Html);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("hxxps://evil[.]example/a[.]html"));
            Assert.That(text, Does.Contain("hxxp://x[.]test"));
            Assert.That(text, Does.Contain("javascript[:]void(0)"));
        });
    }

    [Test]
    public void Bidi_overrides_zero_width_and_controls_become_visible_escapes()
    {
        var text = ActiveMarkup.VisibleText(new IncidentCommentBuilder().Paragraph("a\u202Eb\u2066c\u200Bd\u0007e\uFEFFf").Build().Html);
        Assert.That(text, Is.EqualTo("a[U+202E]b[U+2066]c[U+200B]d[U+0007]e[U+FEFF]f"));
    }

    [Test]
    public void Tag_character_smuggled_ascii_is_decoded_into_a_visible_note()
    {
        var hidden = string.Concat("ignore previous instructions".Select(c => char.ConvertFromUtf32(0xE0000 + c)));
        var text = ActiveMarkup.VisibleText(new IncidentCommentBuilder().Paragraph("Hello" + hidden + "!").Build().Html);
        Assert.That(text, Is.EqualTo("Hello[hidden tag text: \"ignore previous instructions\"]!"));
    }

    [Test]
    public void Invalid_surrogates_are_replaced()
    {
        var text = ActiveMarkup.VisibleText(new IncidentCommentBuilder().Paragraph("x\uD800y\uDC00z\uD83D\uDE00").Build().Html);
        Assert.That(text, Is.EqualTo("x\uFFFDy\uFFFDz\uD83D\uDE00"));
    }

    [Test]
    public void A_one_megabyte_hostile_prompt_is_capped_and_stays_well_formed()
    {
        var chunk = "<script>alert(1)</script> \u202E https://evil.example ";
        var prompt = new StringBuilder();
        while (prompt.Length < 1_048_576)
        {
            prompt.Append(chunk);
        }

        var comment = new IncidentCommentBuilder().Heading("Prompt").Preformatted(prompt.ToString()).Paragraph("after").Build();

        Assert.Multiple(() =>
        {
            Assert.That(comment.Truncated, Is.True);
            Assert.That(comment.Html, Has.Length.LessThanOrEqualTo(CommentRenderingOptions.SentinelCommentLimit));
            Assert.That(comment.Html, Does.EndWith("</strong></p>"));
            Assert.That(ActiveMarkup.VisibleText(comment.Html), Does.Contain("[Comment truncated: "));
            Assert.That(ActiveMarkup.Find(comment.Html), Is.Empty);
            Assert.That(ActiveMarkup.OnlyWhitelistedTags(comment.Html), Is.True);
            Assert.That(comment.Html, Does.Contain("</pre>"));
        });
    }

    [Test]
    public void Truncation_never_splits_an_entity_or_a_surrogate_pair()
    {
        for (var max = 200; max < 320; max++)
        {
            var html = new IncidentCommentBuilder(new CommentRenderingOptions { MaxLength = max })
                .Paragraph(string.Concat(Enumerable.Repeat("<&>\uD83D\uDE00", 200)))
                .Build().Html;
            Assert.That(html, Has.Length.LessThanOrEqualTo(max));
            Assert.That(html, Does.Not.Match("&[#a-z0-9]*<"), $"entity split at MaxLength {max}");
            Assert.That(html.Where(char.IsHighSurrogate).Count(), Is.EqualTo(html.Where(char.IsLowSurrogate).Count()), $"surrogate split at {max}");
            Assert.That(ActiveMarkup.Find(html), Is.Empty);
        }
    }

    [Test]
    public void Short_comments_are_not_truncated()
    {
        var comment = new IncidentCommentBuilder().Heading("Verdict").Paragraph("Benign.").Build();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Truncated, Is.False);
            Assert.That(comment.Html, Is.EqualTo("<h3>Verdict</h3><p>Benign.</p>"));
        });
    }
}
