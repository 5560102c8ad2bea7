using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Tests;

public class SentinelDurationTests
{
    [TestCase("5m", 0, 5)]
    [TestCase("1h", 1, 0)]
    [TestCase("14d", 14 * 24, 0)]
    [TestCase("01:00:00", 1, 0)]
    [TestCase("1.00:00:00", 24, 0)]
    [TestCase("PT1H", 1, 0)]
    [TestCase("P1D", 24, 0)]
    [TestCase(" 30M ", 0, 30)]
    public void Valid_durations_parse(string text, int hours, int minutes)
    {
        Assert.That(SentinelDuration.TryParse(text, out var value, out var error), Is.True, error);
        Assert.That(value, Is.EqualTo(new TimeSpan(hours, minutes, 0)));
    }

    [TestCase("1w")]
    [TestCase("")]
    [TestCase("5")]
    [TestCase("m")]
    [TestCase("-5m")]
    [TestCase("1.5h")]
    [TestCase("99999999999d")]
    [TestCase("PTXH")]
    public void Invalid_durations_explain_the_format(string text)
    {
        Assert.That(SentinelDuration.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("5m"));
    }

    [TestCase(0, 0, 5, "5m")]
    [TestCase(0, 2, 0, "2h")]
    [TestCase(3, 0, 0, "3d")]
    [TestCase(0, 1, 30, "90m")]
    public void Durations_format_the_short_way(int days, int hours, int minutes, string expected) =>
        Assert.That(SentinelDuration.Format(new TimeSpan(days, hours, minutes, 0)), Is.EqualTo(expected));
}
