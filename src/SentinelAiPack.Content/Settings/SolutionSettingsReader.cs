using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Settings;

/// <summary>Reads the <c>solution:</c> block of aipack.yaml; every bad value is SAP5030 at its line, the rest is kept.</summary>
internal static partial class SolutionSettingsReader
{
    public static SolutionSettings? Read(MappingReader settings, DiagnosticBag diagnostics)
    {
        if (settings.Map("solution") is not { } block)
        {
            return null;
        }
        var reader = settings.Nested(block.Mapping, "solution");
        var support = reader.Map("support") is { } supportBlock ? reader.Nested(supportBlock.Mapping, "solution.support") : null;
        var result = new SolutionSettings
        {
            Name = Checked(reader.Text("name"), "solution.name", v => v.Length <= 100, "at most 100 characters", diagnostics),
            OfferId = Checked(reader.Text("offerId"), "solution.offerId", Id().IsMatch, "lower-case letters, digits and '-', starting with a letter or digit, at most 50", diagnostics),
            Publisher = Checked(reader.Text("publisher"), "solution.publisher", v => v.Length <= 100, "at most 100 characters", diagnostics),
            PublisherId = Checked(reader.Text("publisherId"), "solution.publisherId", Id().IsMatch, "lower-case letters, digits and '-', starting with a letter or digit, at most 50", diagnostics),
            Version = Checked(reader.Text("version"), "solution.version", Version().IsMatch, "a version x.y.z such as 1.0.0", diagnostics),
            Description = reader.Text("description")?.Value.Trim(),
            Categories = Strings(reader.TextList("categories")),
            Verticals = Strings(reader.TextList("verticals")),
            Logo = Checked(reader.Text("logo"), "solution.logo", IsHttps, "an https URL of the logo (SVG)", diagnostics),
            SupportTier = Checked(support?.Text("tier"), "solution.support.tier", v => v is "Microsoft" or "Partner" or "Community", "Microsoft, Partner or Community", diagnostics),
            SupportName = support?.Text("name")?.Value.Trim(),
            SupportEmail = Checked(support?.Text("email"), "solution.support.email", v => v.Contains('@', StringComparison.Ordinal) && !v.Contains(' ', StringComparison.Ordinal), "an email address", diagnostics),
            SupportLink = Checked(support?.Text("link"), "solution.support.link", IsHttps, "an https URL", diagnostics),
        };
        support?.ReportUnknownKeys("aipack.yaml solution.support");
        reader.ReportUnknownKeys("aipack.yaml solution");
        return result;
    }

    private static string? Checked(Located<string>? value, string key, Func<string, bool> valid, string expected, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            return null;
        }
        var text = value.Value.Trim();
        if (valid(text))
        {
            return text;
        }
        diagnostics.Add(LoadingCodes.InvalidSettings, value.Span, $"'{key}' must be {expected}, found '{MappingReader.Shorten(text)}'.");
        return null;
    }

    private static List<string> Strings(Located<IReadOnlyList<Located<string>>>? list) =>
        list?.Value.Select(v => v.Value.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];

    private static bool IsHttps(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex Id();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex Version();
}
