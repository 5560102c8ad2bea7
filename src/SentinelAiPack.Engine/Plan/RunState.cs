using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan;

/// <summary>The state of one run of a plan: the caller's context and per-run caches (let/materialize results, run constants).</summary>
internal sealed class RunState(EvaluationContext context)
{
    private readonly Dictionary<object, object?> _cache = new(ReferenceEqualityComparer.Instance);

    public EvaluationContext Context { get; } = context;

    public long NowTicks { get; } = context.Now.ToUniversalTime().Ticks;

    public CancellationToken Cancellation => Context.Cancellation;

    /// <summary>Computes a value once per run for <paramref name="key"/> (a plan node or expression).</summary>
    public T Once<T>(object key, Func<T> compute)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            return (T)cached!;
        }
        var value = compute();
        _cache[key] = value;
        return value;
    }

    /// <summary>A fresh state for a nested evaluation (mv-apply's per-row subquery): same context, its own caches.</summary>
    public RunState Nested(object slot, Table input)
    {
        var nested = new RunState(Context);
        nested._cache[slot] = input;
        return nested;
    }

    /// <summary>The table a nested evaluation was given for <paramref name="slot"/>.</summary>
    public Table Input(object slot) =>
        _cache.TryGetValue(slot, out var table) && table is Table t ? t : throw new EngineRuntimeException("a subquery ran without its input");

    /// <summary>Throws when the caller cancelled or a row limit is exceeded.</summary>
    public void CheckRows(long rows)
    {
        Cancellation.ThrowIfCancellationRequested();
        if (rows > Context.MaxRows)
        {
            throw new EngineRuntimeException($"the query produced more than {Context.MaxRows:N0} rows (the engine's limit)");
        }
    }
}

/// <summary>A range of rows of an input table that a scalar expression is evaluated over.</summary>
internal readonly struct Batch(Table input, int start, int count, RunState run)
{
    public Table Input { get; } = input;

    public int Start { get; } = start;

    public int Count { get; } = count;

    public RunState Run { get; } = run;

    /// <summary>Rows per batch: large enough to amortize per-batch work, small enough to stay out of the large object heap.</summary>
    public const int Size = 4096;

    /// <summary>The batches covering a table.</summary>
    public static IEnumerable<Batch> Over(Table input, RunState run)
    {
        if (input.RowCount == 0)
        {
            yield break;
        }
        for (var start = 0; start < input.RowCount; start += Size)
        {
            run.Cancellation.ThrowIfCancellationRequested();
            yield return new Batch(input, start, Math.Min(Size, input.RowCount - start), run);
        }
    }

    /// <summary>A single row with no columns (print, let, toscalar contexts).</summary>
    public static Batch SingleRow(RunState run) => new(OneRow, 0, 1, run);

    private static readonly Table OneRow = new(RowSchema.Empty, 1, []);
}
