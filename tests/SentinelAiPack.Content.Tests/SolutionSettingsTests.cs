using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Content.Tests;

/// <summary>The <c>solution:</c> block of aipack.yaml: the customer's Content Hub identity.</summary>
public class SolutionSettingsTests
{
    private static (ContentSettings Settings, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        using var folder = new TempFolder();
        var path = folder.Write("aipack.yaml", yaml);
        var bag = new DiagnosticBag(path);
        return (SettingsLoader.Load(path, bag), bag.Items);
    }

    [Test]
    public void Every_key_is_read()
    {
        var (settings, diagnostics) = Load("""
            solution:
              name: Contoso AI Detections
              offerId: contoso-ai
              publisher: Contoso SOC
              publisherId: contoso
              version: 2.1.0
              description: Contoso's rules.
              categories: [Security - Threat Protection, Security - Cloud Security]
              verticals: [Finance]
              logo: https://contoso.example/logo.svg
              support:
                tier: Partner
                name: Contoso SOC desk
                email: soc@contoso.example
                link: https://contoso.example/soc
            """);
        Assert.That(diagnostics, Is.Empty);
        Assert.That(settings.Solution, Is.EqualTo(new SolutionSettings
        {
            Name = "Contoso AI Detections", OfferId = "contoso-ai", Publisher = "Contoso SOC", PublisherId = "contoso", Version = "2.1.0",
            Description = "Contoso's rules.", Logo = "https://contoso.example/logo.svg", SupportTier = "Partner", SupportName = "Contoso SOC desk",
            SupportEmail = "soc@contoso.example", SupportLink = "https://contoso.example/soc",
        }).Using<SolutionSettings>((a, b) => a with { Categories = [], Verticals = [] } == b));
        Assert.That(settings.Solution!.Categories, Is.EqualTo(new[] { "Security - Threat Protection", "Security - Cloud Security" }));
        Assert.That(settings.Solution.Verticals, Is.EqualTo(new[] { "Finance" }));
    }

    [Test]
    public void Bad_values_are_reported_at_their_line_by_key_and_left_unset()
    {
        var (settings, diagnostics) = Load("""
            solution:
              offerId: Contoso AI
              version: two
              logo: http://contoso.example/logo.svg
              colour: blue
              support:
                tier: Gold
                email: not an address
            """);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => (d.Code, d.Span.Line)), Is.EquivalentTo(new[]
            {
                (LoadingCodes.InvalidSettings.Code, 2), (LoadingCodes.InvalidSettings.Code, 3), (LoadingCodes.InvalidSettings.Code, 4),
                (LoadingCodes.UnknownKey.Code, 5), (LoadingCodes.InvalidSettings.Code, 7), (LoadingCodes.InvalidSettings.Code, 8),
            }), string.Join("\n", diagnostics));
            Assert.That(diagnostics.Select(d => d.Message), Has.Some.Contains("'solution.support.tier' must be Microsoft, Partner or Community, found 'Gold'"));
            Assert.That(settings.Solution!.OfferId, Is.Null);
            Assert.That(settings.Solution.SupportTier, Is.Null);
        });
    }
}
