using SentinelAiPack.Content.Text;

namespace SentinelAiPack.Content.Tests.Text;

public class NameSuggestionsTests
{
    [Test]
    public void A_case_only_difference_is_the_best_suggestion()
    {
        Assert.That(NameSuggestions.Closest("AccountUPN", ["AccountUpn", "AccountName", "AccountUPNs"]), Is.EqualTo(new[] { "AccountUpn" }));
    }

    [Test]
    public void Only_the_nearest_names_are_suggested()
    {
        Assert.That(NameSuggestions.Closest("SesionId", ["SessionId", "Sesion", "UserId"]), Is.EqualTo(new[] { "SessionId" }));
    }

    [Test]
    public void Names_too_far_away_are_not_suggested()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NameSuggestions.Closest("Severity", ["TimeGenerated", "Computer"]), Is.Empty);
            Assert.That(NameSuggestions.DidYouMean("Severity", ["TimeGenerated"]), Is.Empty);
        });
    }

    [Test]
    public void Did_you_mean_lists_ties_in_order()
    {
        Assert.That(NameSuggestions.DidYouMean("Tble", ["Tale", "Table", "Other"]), Is.EqualTo(" Did you mean 'Table' or 'Tale'?"));
    }

    [Test]
    public void Distance_is_levenshtein_ignoring_case()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NameSuggestions.Distance("kitten", "sitting"), Is.EqualTo(3));
            Assert.That(NameSuggestions.Distance("ABC", "abc"), Is.Zero);
            Assert.That(NameSuggestions.Distance("", "abc"), Is.EqualTo(3));
        });
    }
}
