using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine;

/// <summary>What a plan runs against: the tables, the frozen clock and limits.</summary>
public sealed class EvaluationContext
{
    /// <summary>The value of now(); frozen for the whole run (ago(), startofday() ... derive from it).</summary>
    public DateTime Now { get; init; } = DateTime.UtcNow;

    /// <summary>Tables by name (case-sensitive, as in Kusto). Missing tables fail the run unless <see cref="EmptyTableSchemas"/> knows them.</summary>
    public IReadOnlyDictionary<string, Table> Tables { get; init; } = new Dictionary<string, Table>();

    /// <summary>Schemas of tables that are empty when no data is given (e.g. from the pack's table schemas).</summary>
    public IReadOnlyDictionary<string, RowSchema> EmptyTableSchemas { get; init; } = new Dictionary<string, RowSchema>();

    /// <summary>Watchlists for <c>_GetWatchlist(alias)</c>, by alias (case-insensitive lookup).</summary>
    public IReadOnlyDictionary<string, Table> Watchlists { get; init; } = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Local copies for <c>externaldata</c> (null: queries that use it fail with a clear message).</summary>
    public Data.IExternalDataSource? ExternalData { get; init; }

    /// <summary>Upper bound on rows any operator may produce (protects against runaway joins).</summary>
    public long MaxRows { get; init; } = 50_000_000;

    public CancellationToken Cancellation { get; init; }
}
