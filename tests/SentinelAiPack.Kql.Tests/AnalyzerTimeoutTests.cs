namespace SentinelAiPack.Kql.Tests;

/// <summary>
/// The analyzer's time budget is wall time, so a loaded machine makes ordinary queries run out of it: such a query gets
/// a second try with a longer budget, and only a query that runs out of that too is given up, marked as timed out.
/// </summary>
public class AnalyzerTimeoutTests
{
    [Test]
    public async Task A_query_that_runs_out_of_the_first_budget_is_analyzed_on_the_second_try()
    {
        // A 1 ms first budget stands for a machine so loaded that every chunk runs out of time.
        var analyzer = new KqlAnalyzer(SharedPool.Pool) { QueryTimeout = TimeSpan.FromMilliseconds(1), RetryTimeout = TimeSpan.FromSeconds(30) };

        var results = await analyzer.AnalyzeAsync([new KqlRequest("a", "SigninLogs | project IPAddress"), new KqlRequest("b", "SigninLogs | where Nope == 1")],
            TestSchemas.Create());

        Assert.That(results.Select(r => (r.Id, r.TimedOut, r.Failure)), Is.EqualTo(new[] { ("a", false, (string?)null), ("b", false, (string?)null) }));
        Assert.That(results[0].OutputColumns.Single().Name, Is.EqualTo("IPAddress"));
        Assert.That(results[1].Diagnostics.Select(d => d.Code), Has.Member("KS142"), "the real finding, not a timeout");
    }

    [Test]
    public async Task A_query_that_runs_out_of_both_budgets_is_marked_timed_out_and_the_batch_goes_on()
    {
        var analyzer = new KqlAnalyzer(SharedPool.Pool) { QueryTimeout = TimeSpan.FromMilliseconds(50), RetryTimeout = TimeSpan.FromMilliseconds(100) };
        var deep = "SigninLogs | where " + string.Join(" or ", Enumerable.Repeat("UserPrincipalName == 'x'", 40_000));

        var results = await analyzer.AnalyzeAsync([new KqlRequest("deep", deep)], TestSchemas.Create());

        Assert.That(results.Single().TimedOut, Is.True);
        Assert.That(results.Single().Failure, Does.Contain("second try").And.Contain("not checked"));
        Assert.That(results.Single().Diagnostics, Is.Empty, "nothing is claimed about a query that was not checked");
    }
}
