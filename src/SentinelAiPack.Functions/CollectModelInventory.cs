using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SentinelAiPack.Functions;

/// <summary>Timer (<c>%AIPACK_INVENTORY_SCHEDULE%</c>, NCRONTAB): snapshots every deployment's model and hashes into AIModelInventory_CL.</summary>
public sealed class CollectModelInventory(EnricherHost host, ILogger<CollectModelInventory> logger)
{
    [Function(nameof(CollectModelInventory))]
    public async Task RunAsync([TimerTrigger("%AIPACK_INVENTORY_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await host.Collector.RunAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Inventory run {RunId}: {Rows} rows uploaded, {Problems} problems", result.RunId, result.RowsUploaded, result.Problems.Count);
        foreach (var problem in result.Problems)
        {
            logger.LogWarning("Inventory run {RunId}: {Problem}", result.RunId, problem);
        }
    }
}
