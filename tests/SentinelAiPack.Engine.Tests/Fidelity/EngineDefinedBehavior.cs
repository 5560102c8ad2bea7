namespace SentinelAiPack.Engine.Tests.Fidelity;

/// <summary>
/// Behaviors the Kusto documentation does not pin down; the engine's choice is listed in docs/engine.md
/// ("Semantics the documentation leaves open") and held here so it does not drift.
/// </summary>
public class EngineDefinedBehavior : FidelitySuite
{
    private const string Doc = "docs/engine.md#semantics-the-documentation-leaves-open";

    public static IEnumerable<FidelityCase> Cases() =>
    [
        new("long arithmetic wraps on overflow", Doc, "print 9223372036854775807 + 1", "-9223372036854775808"),
        new("integer division and modulo by zero are null", Doc, "print 1 / 0, 5 % 0", "null|null"),
        new("real division by zero follows IEEE", Doc, "print 1.0 / 0", "Infinity"),
        new("join keys that are null never match", Doc,
            "datatable(k:long, a:string)[long(null), 'x', 1, 'y'] | join kind=inner (datatable(k:long, b:string)[long(null), 'p', 1, 'q']) on k | project a, b", "y|q"),
        new("make_set adds the elements of arrays", Doc, "datatable(d:dynamic)[dynamic([1,2]), dynamic([2,3])] | summarize make_set(d)", "[1,2,3]"),
        new("make_list keeps arrays as elements", Doc, "datatable(d:dynamic)[dynamic([1,2]), dynamic([3])] | summarize make_list(d)", "[[1,2],[3]]"),
        new("take keeps input order", Doc, "range x from 1 to 10 step 1 | take 3", "1", "2", "3"),
        new("innerunique keeps the first left row of a key", Doc,
            "datatable(k:long, v:string)[1, 'first', 1, 'second'] | join (datatable(k:long)[1]) on k | project v", "first"),
        new("mv-apply over an empty array drops the row even when the subquery aggregates", Doc,
            "datatable(id:long, arr:dynamic)[1, dynamic([]), 2, dynamic([1,2])] | mv-apply e = arr to typeof(long) on (summarize s = sum(e), c = count())",
            "2|[1,2]|3|2"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Holds(FidelityCase c) => Check(c);
}
