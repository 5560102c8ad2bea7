namespace SentinelAiPack.Engine.Tests.Fidelity;

/// <summary>Conversions and text forms; dcount exactness on small sets.</summary>
public class ConversionFidelity : FidelitySuite
{
    private const string ToStringDoc = "https://learn.microsoft.com/kusto/query/tostring-function";
    private const string ToLong = "https://learn.microsoft.com/kusto/query/tolong-function";
    private const string ToBool = "https://learn.microsoft.com/kusto/query/tobool-function";
    private const string ParseJson = "https://learn.microsoft.com/kusto/query/parse-json-function";
    private const string DCount = "https://learn.microsoft.com/kusto/query/dcount-aggregation-function";
    private const string Split = "https://learn.microsoft.com/kusto/query/split-function";
    private const string Extract = "https://learn.microsoft.com/kusto/query/extract-function";

    public static IEnumerable<FidelityCase> Cases() =>
    [
        new("tostring of numbers and null", ToStringDoc, "print tostring(123), tostring(int(null)), isempty(tostring(int(null)))", "123||true"),
        new("tolong parses strings", ToLong, "print tolong(\"123\"), tolong(\"abc\")", "123|null"),
        new("tobool parses true/false", ToBool, "print tobool(\"true\"), tobool(\"false\"), tobool(1), tobool(\"xyz\")", "true|false|true|null"),
        new("parse_json gives a property bag", ParseJson, "print d = parse_json('{\"a\":123, \"b\":\"hello\", \"c\":[1,2,3]}') | project a = d.a, b = d.b, c1 = d.c[1]", "123|hello|2"),
        new("split returns an array; with index, one element", Split, "print split(\"aa_bb\", \"_\"), split(\"aaa_bbb_ccc\", \"_\", 1), split(\"\", \"_\")", "[\"aa\",\"bb\"]|[\"bbb\"]|[\"\"]"),
        new("extract returns the capture group or empty", Extract,
            "print extract(\"x=([0-9.]+)\", 1, \"hello x=45.6|wo\"), extract(\"x=([0-9.]+)\", 1, \"nothing\"), extract(\"x=([0-9.]+)\", 1, \"hello x=45.6|wo\", typeof(real))", "45.6||45.6"),
        // dcount is documented as an estimate; for sets this small the estimate equals the exact count, which the engine returns.
        new("dcount of a small set is exact", DCount, "datatable(s:string)['a', 'b', 'a', 'c', ''] | summarize dcount(s)", "3"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Behaves_as_documented(FidelityCase c) => Check(c);
}
