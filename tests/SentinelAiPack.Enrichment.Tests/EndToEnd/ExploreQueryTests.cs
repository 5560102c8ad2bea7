using SentinelAiPack.Enrichment.Queries;
using SentinelAiPack.Enrichment.Tests.Support;

namespace SentinelAiPack.Enrichment.Tests.EndToEnd;

[Explicit]
public class ExploreQueryTests
{
    [Test]
    public void Run_each_query_on_the_engine()
    {
        using var tenant = GeneratedTenant.Create(["direct-prompt-injection"], 40);
        var executor = new EngineExecutor(AnalyzerHost.Engine, PackSchemaSet.Schemas, tenant.Tables, tenant.End);
        var m = tenant.Markers("direct-prompt-injection");
        var at = tenant.At("direct-prompt-injection");
        foreach (var probe in new[] { "AIConversationTurns(datetime(2025-06-29), datetime(2025-07-01)) | take 3", "AIConversationTurns(datetime(2025-06-29), datetime(2025-07-01)) | where EventSource == 'AIConversationTurn_CL' | count", "AIConversationTurns(datetime(2025-06-29), datetime(2025-07-01)) | summarize count() by EventSource" })
        {
            try
            {
                var r = executor.Execute(probe, null);
                TestContext.Out.WriteLine($"probe rows {r.Tables[0].Rows.Count}");
            }
            catch (Exception ex)
            {
                TestContext.Out.WriteLine($"probe {probe}: {ex}");
            }
        }

        foreach (var query in EnrichmentQueries.All.Take(1))
        {
            var args = new QueryArguments();
            foreach (var p in query.Parameters)
            {
                _ = p.Type switch
                {
                    QueryParameterType.DateTime => args.Time(p.Name, p.Name == "windowEnd" ? at.AddHours(3) : at.AddHours(-20)),
                    QueryParameterType.StringList => args.List(p.Name, p.Name switch { "sessionIds" => [m["sessionId"]], "userList" => [m["user"]], "deploymentNames" => ["gpt-4o-mini-sales"], _ => [] }),
                    QueryParameterType.Long => args.Long(p.Name, 100),
                    _ => args.Span(p.Name, TimeSpan.FromHours(1)),
                };
            }

            try
            {
                var result = executor.Execute(args.ToParameters(query).Apply(query.Body), null);
                TestContext.Out.WriteLine($"{query.Name}: {result.Tables[0].Rows.Count} rows");
            }
            catch (Exception ex)
            {
                TestContext.Out.WriteLine($"{query.Name}: {ex}");
            }
        }
    }
}
