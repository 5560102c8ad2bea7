namespace SentinelAiPack.Engine.Tests.Fidelity;

/// <summary>has (term boundaries), contains, starts/ends, case rules, in/has_any/has_all.</summary>
public class StringOperatorFidelity : FidelitySuite
{
    private const string Ops = "https://learn.microsoft.com/kusto/query/datatypes-string-operators";
    private const string Prefix = "https://learn.microsoft.com/kusto/query/hasprefix-operator";
    private const string Suffix = "https://learn.microsoft.com/kusto/query/hassuffix-operator";
    private const string NullDoc = "https://learn.microsoft.com/kusto/query/scalar-data-types/null-values";

    public static IEnumerable<FidelityCase> Cases() =>
    [
        // The documented "example (yields true)" column of the string operators table.
        new("== is case-sensitive", Ops, "print \"aBc\" == \"aBc\", \"abc\" != \"ABC\"", "true|true"),
        new("=~ and !~ are case-insensitive", Ops, "print \"abc\" =~ \"ABC\", \"aBc\" !~ \"xyz\"", "true|true"),
        new("contains is case-insensitive", Ops, "print \"FabriKam\" contains \"BRik\", \"Fabrikam\" !contains \"xyz\"", "true|true"),
        new("contains_cs is case-sensitive", Ops, "print \"FabriKam\" contains_cs \"Kam\", \"Fabrikam\" !contains_cs \"Kam\"", "true|true"),
        new("endswith", Ops, "print \"Fabrikam\" endswith \"Kam\", \"Fabrikam\" !endswith \"brik\", \"Fabrikam\" endswith_cs \"kam\", \"Fabrikam\" !endswith_cs \"brik\"", "true|true|true|true"),
        new("startswith", Ops, "print \"Fabrikam\" startswith \"fab\", \"Fabrikam\" !startswith \"kam\", \"Fabrikam\" startswith_cs \"Fab\", \"Fabrikam\" !startswith_cs \"fab\"", "true|true|true|true"),
        new("has matches a whole term", Ops, "print \"North America\" has \"america\", \"North America\" !has \"amer\"", "true|true"),
        new("has_cs matches a whole term with case", Ops, "print \"North America\" has_cs \"America\", \"North America\" !has_cs \"amer\"", "true|true"),
        new("hasprefix matches the start of a term", Prefix, "print \"North America\" hasprefix \"ame\", \"North America\" !hasprefix \"mer\", \"North America\" hasprefix_cs \"Ame\", \"North America\" !hasprefix_cs \"CA\"", "true|true|true|true"),
        new("hassuffix matches the end of a term", Suffix, "print \"North America\" hassuffix \"ica\", \"North America\" !hassuffix \"americ\", \"North America\" hassuffix_cs \"ica\", \"North America\" !hassuffix_cs \"icA\"", "true|true|true|true"),
        new("in is case-sensitive, in~ is not", Ops, "print \"abc\" in (\"123\", \"345\", \"abc\"), \"bca\" !in (\"123\", \"345\", \"abc\"), \"Abc\" in~ (\"123\", \"345\", \"abc\"), \"bCa\" !in~ (\"123\", \"345\", \"ABC\")", "true|true|true|true"),
        new("has_any and has_all use terms", Ops, "print \"North America\" has_any (\"south\", \"north\"), \"North America\" has_all (\"south\", \"north\"), \"North America\" has_all (\"north\", \"america\")", "true|false|true"),
        new("matches regex", Ops, "print \"Fabrikam\" matches regex \"b.*k\"", "true"),
        // Terms are maximal runs of alphanumeric characters: the GUID's parts are terms, its middle is not.
        new("terms split on non-alphanumerics", Ops,
            "let s = \"Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun\"; print s has \"c1db\", s has \"KustoExplorerQueryRun\", s has \"67d136\", s has \"Explorer\", s has \"ad67d136-c1db\"",
            "true|true|false|false|true"),
        new("has also matches short terms", Ops, "print \"a b c\" has \"b\", \"abc\" has \"b\"", "true|false"),
        new("strings are never null: empty is isempty", NullDoc, "print isempty(\"\"), isnull(\"\"), isempty(tostring(int(null)))", "true|false|true"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Behaves_as_documented(FidelityCase c) => Check(c);
}
