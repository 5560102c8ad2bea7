using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary><c>_GetWatchlist(alias)</c>: the watchlist's rows from the evaluation context.</summary>
internal sealed class WatchlistPlan(Scalars.ScalarExpr alias, RowSchema declared) : TabularPlan(declared)
{
    public override Table Execute(RunState run)
    {
        var name = Values.ToKustoString(alias.ValueFor(run));
        if (!run.Context.Watchlists.TryGetValue(name, out var data))
        {
            return Table.Empty(Schema);
        }
        // Watchlists are open: keep their own columns after the documented ones.
        var extra = data.Schema.Columns.Where(c => !Schema.Contains(c.Name));
        var schema = new RowSchema(Schema.Columns.Concat(extra));
        return TableConform.To(data, schema);
    }
}
