using System.Text;

namespace SentinelAiPack.Kql.Tests;

/// <summary>Content is attacker-controlled: no text may crash the analyzer or lose the rest of the batch.</summary>
public class BadInputTests
{
    public static IEnumerable<TestCaseData> HostileTexts()
    {
        yield return new TestCaseData("").SetName("empty");
        yield return new TestCaseData("   \n\t  ").SetName("whitespace");
        yield return new TestCaseData("SigninLogs | where UserPrincipalName == '\0\0' \0 | take 1").SetName("NUL characters");
        yield return new TestCaseData("SigninLogs | where UserPrincipalName == '\ud800' | extend x = '\udfff\ud800'").SetName("lone surrogates in strings");
        yield return new TestCaseData("SigninLogs\ud800 | \udc00 where").SetName("lone surrogates in names");
        yield return new TestCaseData(new string('a', 1 << 20)).SetName("1 MB identifier");
        yield return new TestCaseData("print '" + new string('x', 1 << 20) + "'").SetName("1 MB string literal");
        yield return new TestCaseData("SigninLogs | where " + string.Join(" or ", Enumerable.Repeat("UserPrincipalName == 'x'", 40_000))).SetName("1 MB or-chain");
        yield return new TestCaseData(new string('(', 20_000)).SetName("20k open parentheses");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("SigninLogs | ", 50_000))).SetName("50k pipes");
        yield return new TestCaseData(RandomBytesAsText(64 * 1024)).SetName("binary garbage");
    }

    [TestCaseSource(nameof(HostileTexts))]
    public async Task Hostile_text_gives_a_result_and_the_batch_goes_on(string text)
    {
        var analyzer = new KqlAnalyzer(SharedPool.Pool) { QueryTimeout = TimeSpan.FromSeconds(5), RetryTimeout = TimeSpan.FromSeconds(5) };

        var results = await analyzer.AnalyzeAsync(
            [new KqlRequest("before", "SigninLogs | take 1"), new KqlRequest("hostile", text), new KqlRequest("after", "SigninLogs | project IPAddress")],
            TestSchemas.Create());

        Assert.That(results.Select(r => r.Id), Is.EqualTo(new[] { "before", "hostile", "after" }));
        Assert.That(results[0].Diagnostics, Is.Empty);
        Assert.That(results[2].OutputColumns.Single().Name, Is.EqualTo("IPAddress"));
        TestContext.Out.WriteLine($"{results[1].Diagnostics.Count} diagnostics; failure: {results[1].Failure ?? "none"}");
        foreach (var d in results[1].Diagnostics)
        {
            Assert.That(d.Start, Is.InRange(0, text.Length));
            Assert.That(d.Start + d.Length, Is.LessThanOrEqualTo(text.Length));
        }
    }

    [Test]
    public async Task Lone_surrogates_survive_the_round_trip_into_messages()
    {
        var result = await SharedPool.AnalyzeAsync("SigninLogs | where Bad\ud800Name == 1");

        Assert.That(result.Diagnostics, Is.Not.Empty);
    }

    private static string RandomBytesAsText(int length)
    {
        var random = new Random(20261126);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }
}
