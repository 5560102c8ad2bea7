namespace SentinelAiPack.Engine.Tests.Fidelity;

/// <summary>Join flavors and key types, sort null placement, mv-expand, dynamic access.</summary>
public class TabularFidelity : FidelitySuite
{
    private const string InnerUnique = "https://learn.microsoft.com/kusto/query/join-innerunique";
    private const string Sort = "https://learn.microsoft.com/kusto/query/sort-operator";
    private const string MvExpand = "https://learn.microsoft.com/kusto/query/mv-expand-operator";
    private const string Dynamic = "https://learn.microsoft.com/kusto/query/scalar-data-types/dynamic";

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
        new("dynamic accessors", Dynamic,
            "print d = dynamic({'a':1, 'b':{'a':2}, 'arr':[1,2,3]}) | project x = d.a, y = d['b'].a, z = d.arr[-1], none = d.nope", "1|2|3|null"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Behaves_as_documented(FidelityCase c) => Check(c);
}
