using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Tests;

public class ParserTests
{
    private static ParserFunction LoadParser(string file) =>
        (ParserFunction)ContentLoader.LoadFile(Path.Combine(Corpus.AzureSentinel, "parsers", file)).Item!;

    [Test]
    public void Asim_filtering_parser_becomes_a_function_with_typed_parameters_and_defaults()
    {
        var parser = LoadParser("imAuthentication.yaml");

        Assert.That(parser.Dialect, Is.EqualTo(ParserDialect.Asim));
        Assert.That(parser.CallableNames, Is.EqualTo(new[] { "imAuthentication", "_Im_Authentication" }));
        Assert.That(parser.Parsers, Has.Count.EqualTo(28));
        var function = parser.ToFunctionSchemas()[0];
        Assert.That(function.Name, Is.EqualTo("imAuthentication"));
        Assert.That(function.Body, Does.StartWith("let Generic=("));
        Assert.That(function.Parameters.Select(p => (p.Name, p.Type, p.DefaultValue)), Is.EqualTo(new (string, string, string?)[]
        {
            ("starttime", "datetime", "datetime(null)"), ("endtime", "datetime", "datetime(null)"),
            ("username_has_any", "dynamic", "dynamic([])"), ("targetappname_has_any", "dynamic", "dynamic([])"),
            ("srcipaddr_has_any_prefix", "dynamic", "dynamic([])"), ("srchostname_has_any", "dynamic", "dynamic([])"),
            ("eventtype_in", "dynamic", "dynamic([])"), ("eventresultdetails_in", "dynamic", "dynamic([])"),
            ("eventresult", "string", "'*'"), ("pack", "bool", "false"),
        }));
    }

    [Test]
    public void Solution_parser_reads_function_block_and_alias()
    {
        var parser = LoadParser("SquidProxy.yaml");

        Assert.That(parser.Dialect, Is.EqualTo(ParserDialect.Solution));
        Assert.That(parser.FunctionName!.Value, Is.EqualTo("SquidProxy"));
        Assert.That(parser.FunctionAlias!.Value, Is.EqualTo("SquidProxy"));
        Assert.That(parser.Version!.Value, Is.EqualTo("1.0.1"));
        Assert.That(parser.Title!.Value, Is.EqualTo("Parser for SquidProxy"));
        Assert.That(parser.CallableNames, Is.EqualTo(new[] { "SquidProxy" }));
        Assert.That(parser.Query!.Text, Does.StartWith("SquidProxy_CL\n| parse kind=regex"));
    }

    [Test]
    public void Source_specific_asim_parser_keeps_last_updated_as_written()
    {
        var parser = LoadParser("ASimAuthenticationAADSigninLogs.yaml");

        Assert.That(parser.LastUpdated!.Value, Is.EqualTo("Feb 04, 2026"));
        Assert.That(parser.NormalizationSchema!.Value, Is.EqualTo("Authentication"));
        Assert.That(parser.Parameters.Single().DefaultLiteral, Is.EqualTo("false"));
    }

    [TestCase("*", "'*'")]
    [TestCase("it's", @"'it\'s'")]
    [TestCase(@"a\b", @"'a\\b'")]
    [TestCase("'quoted'", "'quoted'")]
    [TestCase("@'C:\\x'", "@'C:\\x'")]
    [TestCase("", "''")]
    public void String_defaults_become_escaped_kql_literals(string yamlValue, string expected)
    {
        var parameter = new ParserParameter(
            new Located<string>("p", default), new Located<string>("string", default), new Located<string>(yamlValue, default), default);

        Assert.That(parameter.DefaultLiteral, Is.EqualTo(expected));
    }
}
