using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Tests;

public class QuerySourceMapTests
{
    private static IEnumerable<string> CorpusFiles() => Corpus.AllYamlRelativePaths();

    [TestCaseSource(nameof(CorpusFiles))]
    public void Every_query_character_of_every_corpus_file_maps_to_that_character_in_the_file(string relativePath)
    {
        var path = Path.Combine(Corpus.AzureSentinel, relativePath);
        var item = ContentLoader.LoadFile(path).Item!;
        var query = item.Query!;
        var fileText = item.SourceText;

        Assert.That(query.SourceMap.IsExact, Is.True);
        Assert.That(query.SourceMap.Length, Is.EqualTo(query.Text.Length));
        AssertEveryCharacterMaps(query.Text, query.SourceMap, fileText);

        // Each query line starts where that text stands in the file (checked through line/column, not offsets).
        var fileLines = fileText.ReplaceLineEndings("\n").Split('\n');
        var offset = 0;
        foreach (var line in query.Text.Split('\n'))
        {
            if (line.Length > 0)
            {
                var position = query.SourceMap.GetPosition(offset);
                var fileLine = fileLines[position.Line - 1];
                Assert.That(fileLine[(position.Column - 1)..], Does.StartWith(line),
                    $"query line '{line}' should be at {position} in {relativePath}");
            }
            offset += line.Length + 1;
        }
    }

    [Test]
    public void Crlf_file_maps_lines_and_columns()
    {
        var item = ContentLoader.LoadFile(Path.Combine(Corpus.AzureSentinel, "analytic-rules", "DatabaseDeleteUEBABreachWindow.yaml")).Item!;
        var query = item.Query!;

        Assert.That(item.SourceText, Does.Contain("\r\n"));
        Assert.That(query.Text, Does.Not.Contain("\r"));
        // Line 21 is "    AzureActivity": the query is indented 4 spaces.
        Assert.That(query.SourceMap.GetPosition(0), Is.EqualTo(new SourcePosition(21, 5)));
        var second = query.Text.IndexOf("| where", StringComparison.Ordinal);
        Assert.That(query.SourceMap.GetPosition(second), Is.EqualTo(new SourcePosition(22, 5)));
    }

    [Test]
    public void First_line_indented_one_space()
    {
        var item = ContentLoader.LoadFile(Path.Combine(Corpus.AzureSentinel, "analytic-rules", "External User added to Team and immediately uploads file.yaml")).Item!;
        var query = item.Query!;
        var start = query.SourceMap.GetPosition(0);

        Assert.That(start.Column, Is.EqualTo(2));
        Assert.That(item.SourceText.Split('\n')[start.Line - 1], Does.StartWith(" " + query.Text.Split('\n')[0]));
    }

    private const string Head = "id: 1\nname: n\n";

    [TestCase("query: |\n  T\n  | where A == 1\n", "T\n| where A == 1\n")]
    [TestCase("query: |-\n  T\n  | take 1\n\n\n", "T\n| take 1")]
    [TestCase("query: |+\n  T\n\n\nkind: x\n", "T\n\n\n")]
    [TestCase("query: |2\n    T\n  | take 1\n", "  T\n| take 1\n")]
    [TestCase("query: |-4\n      T\n    | take 1\n", "  T\n| take 1")]
    [TestCase("query: >\n  T\n  | where x\n\n  | take 1\n", "T | where x\n| take 1\n")]
    [TestCase("query: >-\n  T\n    | indented\n  | take 1\n", "T\n  | indented\n| take 1")]
    [TestCase("query: |\n\n  T\n\n  | take 1\n", "\nT\n\n| take 1\n")]
    [TestCase("query: |\n    T\n    | take 1\n", "T\n| take 1\n")]
    [TestCase("query: |\n T\n | take 1\n", "T\n| take 1\n")]
    [TestCase("query: |\n  T\n  | where a == \"\t\"\n", "T\n| where a == \"\t\"\n")]
    [TestCase("query: |\n  T\n     \n  | take 1\n", "T\n   \n| take 1\n")]
    [TestCase("query: |   # a comment\n  T\n", "T\n")]
    [TestCase("query: T | take 1\n", "T | take 1")]
    [TestCase("query: T\n  | where x\n\n  | take 1\nkind: x\n", "T | where x\n| take 1")]
    [TestCase("query: 'T | where a == ''b'''\n", "T | where a == 'b'")]
    [TestCase("query: 'T\n   | take 1  \n\n   | x'\n", "T | take 1\n| x")]
    [TestCase("query: \"T | where a == \\\"b\\\"\\t\\u00e9\\x41\\U0001F600\"\n", "T | where a == \"b\"\té\u0041😀")]
    [TestCase("query: \"T\\\n   | take 1\"\n", "T| take 1")]
    [TestCase("query: \"T  \n  | take 1\\n\\\n  | x\"\n", "T | take 1\n| x")]
    [TestCase("query: \"a\\ \n  b\"\n", "a  b")]
    [TestCase("query: |\r\n  T\r\n\r\n  | take 1\r\n", "T\n\n| take 1\n")]
    [TestCase("query: >\r\n  T\r\n  | take 1\r\n", "T | take 1\n")]
    [TestCase("query: \"T\r\n  | take 1\"\r\n", "T | take 1")]
    [TestCase("query: |\n  T\n  | take 1", "T\n| take 1")]
    [TestCase("query: >+\n  a\n\n", "a\n\n")]
    [TestCase("query: !!str |\n  T\n", "T\n")]
    [TestCase("query: &q |\n  T\n", "T\n")]
    public void Synthetic_scalars_map_exactly(string body, string expectedValue)
    {
        var text = Head + body;
        var result = ContentLoader.LoadText(text, "hunting/case.yaml");
        var query = result.Item!.Query!;

        Assert.That(query.Text, Is.EqualTo(expectedValue));
        Assert.That(query.SourceMap.IsExact, Is.True, "the re-scan must reproduce the parser's value");
        AssertEveryCharacterMaps(query.Text, query.SourceMap, text);
    }

    [Test]
    public void Escapes_map_to_the_backslash_and_folded_spaces_to_the_line_break()
    {
        const string text = "query: \"a\\tb\"\nname: >\n  x\n  y\n";
        var source = ContentLoader.LoadText(text, "hunting/q.yaml");
        var map = source.Item!.Query!.SourceMap;

        Assert.That(map.GetPosition(1), Is.EqualTo(new SourcePosition(1, 10)), "the tab comes from '\\t' at column 10");
        Assert.That(map.GetPosition(2), Is.EqualTo(new SourcePosition(1, 12)));
    }

    [Test]
    public void Spans_cover_a_range_on_one_line_and_stop_at_the_line_end()
    {
        const string text = "query: |\n  SigninLogs\n  | where ResultType == 0\n";
        var map = ContentLoader.LoadText(text, "hunting/q.yaml").Item!.Query!.SourceMap;
        var where = "SigninLogs\n| ".Length;

        Assert.That(map.GetSpan(where, 5), Is.EqualTo(new SourceSpan(3, 5, 5)));
        Assert.That(map.GetSpan(0, 20), Is.EqualTo(new SourceSpan(2, 3, 10)), "a range crossing lines is cut at the end of its first line");
        Assert.That(map.GetPosition(1000), Is.EqualTo(map.GetPosition(map.Length)), "offsets are clamped");
    }

    [Test]
    public void Block_scalar_after_unicode_line_separator_still_maps()
    {
        const string text = "name: a\u2028query: |\n  T\n";
        var result = ContentLoader.LoadText(text, "hunting/q.yaml");
        var query = result.Item!.Query!;

        Assert.That(query.SourceMap.IsExact, Is.True);
        Assert.That(query.SourceMap.GetPosition(0), Is.EqualTo(new SourcePosition(3, 3)));
    }

    [Test]
    public void Line_map_agrees_with_parser_marks_for_every_node()
    {
        const string text = "a: 1\r\nb:\r\n  - x\r\n  - \"y\"\rc: >\n  z\n\u0085d: é😀\n";
        var bag = new DiagnosticBag("t.yaml");
        var root = (YamlMapping)YamlDocumentReader.Read(text, bag)![0]!;
        var lines = new LineMap(text);

        foreach (var node in Walk(root))
        {
            Assert.That(lines.GetPosition(node.StartOffset), Is.EqualTo(node.Start), $"node at offset {node.StartOffset}");
        }
    }

    private static IEnumerable<YamlNode> Walk(YamlNode node)
    {
        yield return node;
        var children = node switch
        {
            YamlMapping mapping => mapping.Entries.SelectMany(e => new[] { e.Key, e.Value }),
            YamlSequence sequence => sequence.Items,
            _ => [],
        };
        foreach (var child in children.SelectMany(Walk))
        {
            yield return child;
        }
    }

    /// <summary>Each value character comes from the same character in the file, except line feeds and folded spaces (from a line break) and escapes (from a backslash).</summary>
    private static void AssertEveryCharacterMaps(string value, QuerySourceMap map, string fileText)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var offset = map.GetFileOffset(i);
            var fileChar = fileText[offset];
            var ok = fileChar == value[i]
                || (value[i] is '\n' or ' ' && LineMap.BreakLength(fileText, offset) > 0)
                || fileChar == '\\'
                || (value[i] == '\'' && fileChar == '\'');
            Assert.That(ok, Is.True, $"value[{i}] = {Show(value[i])} maps to file[{offset}] = {Show(fileChar)}");
        }
        for (var i = 1; i < value.Length; i++)
        {
            Assert.That(map.GetFileOffset(i), Is.GreaterThanOrEqualTo(map.GetFileOffset(i - 1)), "offsets never go backwards");
        }
    }

    private static string Show(char c) => c < ' ' ? $"\\x{(int)c:x2}" : c.ToString();
}
