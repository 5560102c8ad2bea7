using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Build;

/// <summary>Validated content ready for the generators: items with their analyses, the schemas, the pack's custom tables.</summary>
public sealed class PackContent
{
    public PackContent(ContentSet content, SchemaSet schemas, IReadOnlyList<PackItem> items, IReadOnlyList<TableSchema> customTables, string rootDirectory, ContentSettings? settings)
    {
        Content = content;
        Schemas = schemas;
        Items = items;
        CustomTables = customTables;
        RootDirectory = rootDirectory;
        Settings = settings;
    }

    public ContentSet Content { get; }

    public SchemaSet Schemas { get; }

    /// <summary>Every item, ordered by kind, then key (ordinal): the order of every generated list.</summary>
    public IReadOnlyList<PackItem> Items { get; }

    /// <summary>The custom (<c>*_CL</c>) tables the content repository defines, ordered by name.</summary>
    public IReadOnlyList<TableSchema> CustomTables { get; }

    /// <summary>The content repository's root (the folder of aipack.yaml, or the working directory).</summary>
    public string RootDirectory { get; }

    public ContentSettings? Settings { get; }

    /// <summary>The content files and folders given (absolute), where contributors find their own files (workbook specs).</summary>
    public IReadOnlyList<string> ContentPaths { get; init; } = [];

    public IEnumerable<PackItem> Rules => Items.Where(i => i.Kind == ContentKind.AnalyticRule);

    public IEnumerable<PackItem> HuntingQueries => Items.Where(i => i.Kind == ContentKind.HuntingQuery);

    public IEnumerable<PackItem> Parsers => Items.Where(i => i.Kind == ContentKind.Parser);

    /// <summary>The pack parser callable as <paramref name="name"/> (function name, alias or built-in name), if any.</summary>
    public PackItem? FindParser(string name) =>
        Parsers.FirstOrDefault(p => p.Parser!.CallableNames.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>Path of <paramref name="fullPath"/> relative to the content root, '/' separated.</summary>
    public string RelativePath(string fullPath) => Path.GetRelativePath(RootDirectory, Path.GetFullPath(fullPath)).Replace('\\', '/');
}
