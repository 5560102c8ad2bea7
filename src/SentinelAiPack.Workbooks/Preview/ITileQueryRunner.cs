namespace SentinelAiPack.Workbooks.Preview;

/// <summary>Runs one expanded tile query over local data (the local KQL engine in `aipack workbook preview`).</summary>
public interface ITileQueryRunner
{
    /// <summary>The query's result; throws <see cref="TileQueryException"/> with a readable reason when it cannot run.</summary>
    Task<TileData> RunAsync(string query, CancellationToken cancellationToken);
}

/// <summary>A tile query that could not run (unsupported construct, runtime error); the message is shown on the tile.</summary>
public sealed class TileQueryException(string message) : Exception(message);
