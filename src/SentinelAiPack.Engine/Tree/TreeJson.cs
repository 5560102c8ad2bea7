using System.Text.Json;

namespace SentinelAiPack.Engine.Tree;

/// <summary>Reading and writing the shim's exportTree messages.</summary>
public static class TreeJson
{
    private static readonly JsonSerializerOptions Options = new() { MaxDepth = 4096 };

    public static ExportedTree Parse(string json, string text)
    {
        var tree = JsonSerializer.Deserialize<ExportedTree>(json, Options) ?? throw new EngineCompileException("the analyzer returned no tree");
        tree.Text = text;
        return tree;
    }

    /// <summary>The exportTree request: query text, optional registered schema key and ad-hoc tables.</summary>
    public static string Request(string text, string? schemaKey, IReadOnlyList<Content.Schemas.TableSchema>? tables) =>
        JsonSerializer.Serialize(new
        {
            schemaKey,
            text,
            tables = tables?.Select(t => new { name = t.Name, columns = t.Columns.Select(c => new[] { c.Name, c.Type }) }),
        });
}
