using SentinelAiPack.Engine.Plan.Scalars;

namespace SentinelAiPack.Engine.Functions;

internal delegate ScalarExpr FunctionBinder(FunctionCall call);

/// <summary>Every built-in scalar function the engine runs, by name. Categories register here in one place.</summary>
internal sealed class FunctionRegistry
{
    private readonly Dictionary<string, FunctionBinder> _binders = new(StringComparer.Ordinal);

    public static FunctionRegistry Instance { get; } = Create();

    private static FunctionRegistry Create()
    {
        var registry = new FunctionRegistry();
        ConversionFunctions.Register(registry);
        StringFunctions.Register(registry);
        RegexFunctions.Register(registry);
        DateTimeFunctions.Register(registry);
        MathFunctions.Register(registry);
        LogicalFunctions.Register(registry);
        DynamicFunctions.Register(registry);
        ArrayFunctions.Register(registry);
        NetworkFunctions.Register(registry);
        EncodingFunctions.Register(registry);
        SeriesFunctions.Register(registry);
        WindowFunctions.Register(registry);
        return registry;
    }

    public void Add(string name, FunctionBinder binder) => _binders.Add(name, binder);

    /// <summary>Registers one binder under several names (aliases such as todouble/toreal).</summary>
    public void Add(IEnumerable<string> names, FunctionBinder binder)
    {
        foreach (var name in names)
        {
            Add(name, binder);
        }
    }

    /// <summary>A copy with <paramref name="name"/> bound to <paramref name="binder"/> instead (added or replaced).</summary>
    public FunctionRegistry With(string name, FunctionBinder binder)
    {
        var copy = new FunctionRegistry();
        foreach (var (existing, existingBinder) in _binders)
        {
            copy._binders[existing] = existingBinder;
        }
        copy._binders[name] = binder;
        return copy;
    }

    public bool TryGet(string name, out FunctionBinder binder) => _binders.TryGetValue(name, out binder!);

    public IReadOnlyCollection<string> Names => _binders.Keys;
}
