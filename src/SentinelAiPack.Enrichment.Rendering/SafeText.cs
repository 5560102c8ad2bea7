using SentinelAiPack.Enrichment.Rendering.Redaction;
using SentinelAiPack.Enrichment.Rendering.Text;

namespace SentinelAiPack.Enrichment.Rendering;

/// <summary>
/// The text pipeline every attacker-controlled string goes through before it is escaped, in an order no character
/// trick gets around: normalise (invisible characters and broken surrogates taken out and recorded, NFKC folding
/// full-width look-alikes), redact secrets and personal data, defang links, hosts and addresses, and only then render
/// what was taken out as visible markers where it was (ASCII hidden in tag characters redacted and defanged too).
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

    public int UnicodeFolded { get; private set; }

    public int LinksDefanged { get; private set; }

    public string Clean(string? text)
    {
        var normalised = NormalisedText.From(text ?? string.Empty, foldCompatibility: true);
        UnicodeMadeVisible += normalised.MadeVisible;
        UnicodeFolded += normalised.CompatibilityFolded;
        Redactions += _redactor.Redact(normalised);
        LinksDefanged += UrlDefanger.Defang(normalised);
        return normalised.Render(Clean);
    }
}
