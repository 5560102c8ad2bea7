namespace SentinelAiPack.Engine.Tests.Fidelity;

/// <summary>Join flavors and key types, sort null placement, mv-expand, mv-apply, summarize, window functions, as, dynamic access.</summary>
public class TabularFidelity : FidelitySuite
{
    private const string InnerUnique = "https://learn.microsoft.com/kusto/query/join-innerunique";
    private const string Sort = "https://learn.microsoft.com/kusto/query/sort-operator";
    private const string MvExpand = "https://learn.microsoft.com/kusto/query/mv-expand-operator";
    private const string Dynamic = "https://learn.microsoft.com/kusto/query/scalar-data-types/dynamic";
    private const string ArgMax = "https://learn.microsoft.com/kusto/query/arg-max-aggregation-function";

    private const string Logins = """
        datatable(User:string, At:datetime, Ip:string, Failed:bool)[
            'a', datetime(2026-01-01), '10.0.0.1', true, 'a', datetime(2026-01-02), '10.0.0.2', false,
            'b', datetime(2026-01-01), '10.0.0.3', false]
        """;

    private const string XY = """
        let X = datatable(Key:string, Value1:long)['a', 1, 'b', 2, 'b', 3, 'c', 4];
        let Y = datatable(Key:string, Value2:long)['b', 10, 'c', 20, 'c', 30, 'd', 40];
        """;

    public static IEnumerable<FidelityCase> Cases() =>
    [
        new("innerunique keeps one left row per key", InnerUnique, XY + "X | join Y on Key | sort by Value2 asc", "b|2|b|10", "c|4|c|20", "c|4|c|30"),
        new("inner keeps every match", "https://learn.microsoft.com/kusto/query/join-inner", XY + "X | join kind=inner Y on Key | sort by Value1 asc, Value2 asc",
            "b|2|b|10", "b|3|b|10", "c|4|c|20", "c|4|c|30"),
        new("leftouter keeps unmatched left rows with nulls", "https://learn.microsoft.com/kusto/query/join-leftouter",
            XY + "X | join kind=leftouter Y on Key | sort by Value1 asc, Value2 asc", "a|1||null", "b|2|b|10", "b|3|b|10", "c|4|c|20", "c|4|c|30"),
        new("leftanti keeps left rows without a match", "https://learn.microsoft.com/kusto/query/join-leftanti", XY + "X | join kind=leftanti Y on Key", "a|1"),
        new("rightanti keeps right rows without a match", "https://learn.microsoft.com/kusto/query/join-rightanti", XY + "X | join kind=rightanti Y on Key", "d|40"),
        new("leftsemi keeps matched left rows once", "https://learn.microsoft.com/kusto/query/join-leftsemi", XY + "X | join kind=leftsemi Y on Key | sort by Value1 asc", "b|2", "b|3", "c|4"),
        new("rightsemi keeps matched right rows once", "https://learn.microsoft.com/kusto/query/join-rightsemi", XY + "X | join kind=rightsemi Y on Key | sort by Value2 asc", "b|10", "c|20", "c|30"),
        new("fullouter keeps both sides", "https://learn.microsoft.com/kusto/query/join-fullouter",
            XY + "X | join kind=fullouter Y on Key | sort by Value1 asc nulls last, Value2 asc", "a|1||null", "b|2|b|10", "b|3|b|10", "c|4|c|20", "c|4|c|30", "|null|d|40"),
        new("join keys of int and long match by value", "https://learn.microsoft.com/kusto/query/join-operator",
            "datatable(k:int, a:string)[1, 'x'] | join kind=inner (datatable(k2:long, b:string)[1, 'y']) on $left.k == $right.k2 | project a, b", "x|y"),
        new("asc puts nulls first", Sort, "datatable(v:real)[real(null), 5, -5, 0] | sort by v asc", "null", "-5", "0", "5"),
        new("desc is the default; nulls last", Sort, "datatable(v:long)[2, long(null), 3] | sort by v", "3", "2", "null"),
        new("nulls first with desc", Sort, "datatable(v:long)[2, long(null), 3] | sort by v desc nulls first", "null", "3", "2"),
        new("mv-expand: null gives one row, empty array none", MvExpand,
            "datatable(a:long, d:dynamic)[1, dynamic([1,2]), 2, dynamic([]), 3, dynamic(null)] | mv-expand d | project a", "1", "1", "3"),
        new("mv-expand expands arrays in parallel", MvExpand, "print a = dynamic([1,2,3]), b = dynamic(['x','y']) | mv-expand a, b", "1|x", "2|y", "3|null"),
        new("arg_max returns its columns beside an expression over aggregates", ArgMax,
            Logins + "| summarize arg_max(At, Ip), AnyFailed = countif(Failed) > 0 by User | sort by User asc",
            "a|2026-01-02T00:00:00Z|10.0.0.2|true", "b|2026-01-01T00:00:00Z|10.0.0.3|false"),
        new("arg_min(*) keeps the row's other columns beside a computed aggregate", "https://learn.microsoft.com/kusto/query/arg-min-aggregation-function",
            Logins + "| summarize Attempts = count() * 1, arg_min(At, *) by User | sort by User asc",
            "a|2|2026-01-01T00:00:00Z|10.0.0.1|true", "b|1|2026-01-01T00:00:00Z|10.0.0.3|false"),
        new("prev and next read neighbor rows of a sorted table, with offsets and defaults", "https://learn.microsoft.com/kusto/query/prev-function",
            "range i from 1 to 5 step 1 | sort by i asc | extend p = prev(i), n = next(i), p2 = prev(i, 2, -1), n2 = next(i, 2)",
            "1|null|2|-1|3", "2|1|3|-1|4", "3|2|4|1|5", "4|3|5|2|null", "5|4|null|3|null"),
        new("next over a serialized table", "https://learn.microsoft.com/kusto/query/next-function",
            "datatable(s:string)['x', 'y', 'z'] | serialize | extend n = next(s, 1, 'end')", "x|y", "y|z", "z|end"),
        new("as names the rows for the rest of the query", "https://learn.microsoft.com/kusto/query/as-operator",
            "range i from 1 to 3 step 1 | as R | join kind=inner (R | extend j = i * 10) on i | project i, j", "1|10", "2|20", "3|30"),
        new("mv-apply drops a row whose array is empty", "https://learn.microsoft.com/kusto/query/mv-apply-operator",
            "datatable(id:long, arr:dynamic)[1, dynamic([]), 2, dynamic([1,2])] | mv-apply e = arr to typeof(long) on (extend d = e * 2) | project id, d",
            "2|2", "2|4"),
        new("dynamic accessors", Dynamic,
            "print d = dynamic({'a':1, 'b':{'a':2}, 'arr':[1,2,3]}) | project x = d.a, y = d['b'].a, z = d.arr[-1], none = d.nope", "1|2|3|null"),
        new("row_window_session starts sessions on distance from first, neighbor gap and restart", "https://learn.microsoft.com/kusto/query/row-window-session-function", """
            datatable (ID:string, Timestamp:datetime) [
                "1", datetime(2024-04-11 10:00:00), "2", datetime(2024-04-11 10:18:00), "1", datetime(2024-04-11 11:00:00),
                "3", datetime(2024-04-11 11:30:00), "2", datetime(2024-04-11 13:30:00), "2", datetime(2024-04-11 10:16:00)]
            | sort by ID asc, Timestamp asc
            | extend SessionStarted = row_window_session(Timestamp, 1h, 5m, ID != prev(ID))
            """,
            "1|2024-04-11T10:00:00Z|2024-04-11T10:00:00Z", "1|2024-04-11T11:00:00Z|2024-04-11T11:00:00Z",
            "2|2024-04-11T10:16:00Z|2024-04-11T10:16:00Z", "2|2024-04-11T10:18:00Z|2024-04-11T10:16:00Z",
            "2|2024-04-11T13:30:00Z|2024-04-11T13:30:00Z", "3|2024-04-11T11:30:00Z|2024-04-11T11:30:00Z"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Behaves_as_documented(FidelityCase c) => Check(c);
}
