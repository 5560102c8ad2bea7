using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Traffic;

/// <summary>Publishes what the accumulator saw: AIModelOutputMetrics_CL per deployment and hour, and the Azure OpenAI RAI platform metrics.</summary>
internal static class MetricsPublisher
{
    public static void Publish(GenerationContext ctx)
    {
        foreach (var (deployment, hour, bucket) in ctx.Metrics.Buckets)
        {
            if (!ctx.InWindow(hour))
            {
                continue;
            }

            var requests = bucket.OutputTokens.Count;
            var sorted = bucket.OutputTokens.Order().ToList();
            var model = bucket.Models.OrderByDescending(m => m.Value).ThenBy(m => m.Key.Model, StringComparer.Ordinal).First().Key;
            ctx.Sink.Row("AIModelOutputMetrics_CL", hour)
                .Int("WindowMinutes", 60).Str("AppName", bucket.Apps.Count == 1 ? bucket.Apps.Min : string.Empty).Str("Deployment", deployment)
                .Str("ModelName", model.Model).Str("ModelVersion", model.Version).Long("Requests", requests).Long("DistinctUsers", bucket.Users.Count)
                .Real("MeanInputTokens", (double)bucket.InputTokens / requests, 1).Real("MeanOutputTokens", sorted.Average(), 1)
                .Real("P95OutputTokens", sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.95))], 1)
                .Real("MeanOutputChars", (double)bucket.Chars / requests, 1).Real("RefusalRate", (double)bucket.Refusals / requests, 4)
                .Real("FlaggedRate", (double)bucket.Flagged / requests, 4).Real("BlockedRate", (double)bucket.Blocked / requests, 4)
                .Real("ErrorRate", (double)bucket.Failed / requests, 4).Real("ToolCallRate", (double)bucket.ToolCalls / requests, 4)
                .Real("MeanLatencyMs", (double)bucket.LatencyMs / requests, 1)
                .End();
        }

        var resourceId = ctx.Tenant.OpenAIResourceId;
        foreach (var hour in ctx.Metrics.Buckets.Where(b => ctx.InWindow(b.Hour)).GroupBy(b => b.Hour))
        {
            var total = hour.Sum(b => b.Bucket.OutputTokens.Count);
            var rejected = hour.Sum(b => b.Bucket.Blocked);
            var harmful = hour.Sum(b => b.Bucket.Flagged);
            foreach (var (metric, value) in new[] { ("RAITotalRequests", total), ("RAIRejectedRequests", rejected), ("RAIHarmfulRequests", harmful) })
            {
                ctx.Sink.Row("AzureMetrics", hour.Key)
                    .Real("Average", value, 0).Real("Count", 1, 0).Real("Maximum", value, 0).Real("Minimum", value, 0).Real("Total", value, 0)
                    .Str("MetricName", metric).Str("Resource", SimulatedTenant.OpenAIAccount.ToUpperInvariant())
                    .Str("ResourceGroup", SimulatedTenant.ResourceGroup.ToUpperInvariant()).Str("ResourceId", resourceId.ToUpperInvariant())
                    .Str("_ResourceId", resourceId.ToLowerInvariant()).Str("ResourceProvider", "MICROSOFT.COGNITIVESERVICES")
                    .Str("SubscriptionId", ctx.Tenant.SubscriptionId).Str("TimeGrain", "PT1H").Str("UnitName", "Count")
                    .End();
            }
        }
    }
}
