using SentinelAiPack.Enrichment.Rendering.Redaction;
using SentinelAiPack.Enrichment.Rendering.Text;

namespace SentinelAiPack.Enrichment.Rendering;

/// <summary>
/// The text pipeline every attacker-controlled string goes through before it is escaped:
/// hostile Unicode made visible (invalid surrogates replaced), secrets and personal data redacted, links defanged.
/// </summary>
internal sealed class SafeText
{
    private readonly Redactor _redactor;

    public SafeText(CommentRenderingOptions options)
    {
        _redactor = new Redactor(options.RedactSecrets, options.PiiPatterns);
    }

    public int Redactions { get; private set; }

    public int UnicodeMadeVisible { get; private set; }

    public int LinksDefanged { get; private set; }

    public string Clean(string? text)
    {
        var (visible, unicode) = UnicodeVisibility.MakeVisible(text ?? string.Empty);
        var (redacted, redactions) = _redactor.Redact(visible);
        var (defanged, links) = UrlDefanger.Defang(redacted);
        UnicodeMadeVisible += unicode;
        Redactions += redactions;
        LinksDefanged += links;
        return defanged;
    }
}
