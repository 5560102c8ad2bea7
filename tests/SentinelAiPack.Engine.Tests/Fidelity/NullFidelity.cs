namespace SentinelAiPack.Engine.Tests.Fidelity;

/// <summary>Null values in comparisons, where, aggregations and summarize defaults.</summary>
public class NullFidelity : FidelitySuite
{
    private const string NullDoc = "https://learn.microsoft.com/kusto/query/scalar-data-types/null-values";
    private const string Summarize = "https://learn.microsoft.com/kusto/query/summarize-operator";

    public static IEnumerable<FidelityCase> Cases() =>
    [
        new("comparisons with null", NullDoc, """
            datatable(val:int)[5, int(null)]
            | extend IsBiggerThan3 = val > 3
            | extend IsBiggerThan3OrNull = val > 3 or isnull(val)
            | extend IsEqualToNull = val == int(null)
            | extend IsNotEqualToNull = val != int(null)
            """, "5|true|true|false|true", "null|null|true|null|null"),
        new("where treats null as false", NullDoc, "datatable(ival:int, sval:string)[5, \"a\", int(null), \"b\"] | where ival != 5", "null|b"),
        new("aggregations ignore nulls", NullDoc, "datatable(x:long)[1, long(null), 3] | summarize sum(x), count(), dcount(x), make_list(x)", "4|3|2|[1,3]"),
        new("summarize without by over no rows yields one row of defaults", Summarize,
            "datatable(x:long, s:string)[] | summarize count(), sum(x), dcount(s), make_set(s), max(x), avg(x)", "0|0|0|[]|null|null"),
        new("summarize with by over no rows yields no rows", Summarize, "datatable(x:long, s:string)[] | summarize count() by s"),
        new("null literals of every type", NullDoc, "print bool(null), datetime(null), dynamic(null), guid(null), int(null), long(null), real(null), double(null), timespan(null)",
            "null|null|null|null|null|null|null|null|null"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Behaves_as_documented(FidelityCase c) => Check(c);
}
