using System.Text.Json;

namespace SentinelAiPack.Engine.Tree;

/// <summary>Reading and writing the shim's exportTree messages.</summary>
public static class TreeJson
{
    private static readonly JsonSerializerOptions Options = new() { MaxDepth = 4096 };

    /// <summary>Reads the shim's answer: a JSON string whose content is the tree's JSON.</summary>
    public static ExportedTree Parse(string json, string text) => ParseTree(Unwrap(json), text);

    /// <summary>The tree's JSON inside the shim's answer (the answer is one JSON string).</summary>
    public static string Unwrap(string json) =>
        JsonSerializer.Deserialize<string>(json) ?? throw new EngineCompileException("the analyzer returned no tree");

    /// <summary>Reads a tree's JSON (<see cref="Unwrap"/>) exported from <paramref name="text"/>.</summary>
    public static ExportedTree ParseTree(string treeJson, string text)
    {
        ExportedTree tree;
        try
        {
            tree = JsonSerializer.Deserialize<ExportedTree>(treeJson, Options) ?? throw new EngineCompileException("the analyzer returned no tree");
        }
        catch (JsonException) when (treeJson.Length > 0)
        {
            throw new EngineCompileException($"the query nests more than {Options.MaxDepth / 2} levels deep, more than the local engine compiles");
        }
        tree.Text = text;
        tree.JsonLength = treeJson.Length;
        return tree;
    }

    /// <summary>A tree's JSON read back from a cache: null when it does not parse (a damaged entry is a miss, not an error).</summary>
    public static ExportedTree? TryParseTree(byte[] treeJson, string text)
    {
        try
        {
            var tree = JsonSerializer.Deserialize<ExportedTree>(treeJson, Options);
            if (tree is not null)
            {
                tree.Text = text;
                tree.JsonLength = System.Text.Encoding.UTF8.GetCharCount(treeJson);
            }
            return tree;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The exportTree request: query text, optional registered schema key and ad-hoc tables. <paramref name="grammarSkip"/>
    /// false makes the analyzer build the editor completion grammar first (the shim skips it by default; tests compare both).
    /// </summary>
    public static string Request(string text, string? schemaKey, IReadOnlyList<Content.Schemas.TableSchema>? tables, bool grammarSkip = true) =>
        JsonSerializer.Serialize(new
        {
            schemaKey,
            text,
            tables = tables?.Select(t => new { name = t.Name, columns = t.Columns.Select(c => new[] { c.Name, c.Type }) }),
            grammarSkip,
        });
}
