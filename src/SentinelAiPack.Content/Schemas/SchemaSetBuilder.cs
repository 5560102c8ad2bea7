using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Content.Schemas;

/// <summary>
/// Builds the <see cref="SchemaSet"/> queries are analyzed against, from sources in order of precedence (later
/// sources replace earlier ones by name, case-insensitive): the standard-table catalogue and the built-in pinned folder shipped beside the tool,
/// the settings file's schema folders, then <c>--schemas</c> folders, then parsers of the content itself.
/// File-name aliases (a table file whose inner Name differs) are weak: they never replace a table some source defines.
/// </summary>
public sealed class SchemaSetBuilder
{
    private readonly SchemaSet _set = new();
    private readonly List<(string Alias, TableSchema Table)> _aliases = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly long _maxBytes;

    public SchemaSetBuilder(long maxFileSizeBytes = LoadOptions.DefaultMaxFileSizeBytes) => _maxBytes = maxFileSizeBytes;

    /// <summary>The folder of pinned schemas shipped with the tool (<c>schemas/</c> beside the assembly), when present.</summary>
    public static string? BuiltInSchemaFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "schemas");
            return Directory.Exists(folder) ? folder : null;
        }
    }

    /// <summary>
    /// The standard-table catalogue shipped with the tool (<c>catalog/</c> beside the assembly, generated from Microsoft's
    /// table references by tools/table-catalog), when present.
    /// </summary>
    public static string? CatalogFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "catalog");
            return Directory.Exists(folder) ? folder : null;
        }
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// The sources shipped with the tool, lowest precedence first: the standard-table catalogue, then the pack's pinned
    /// schemas and parsers. Every later source (settings folders, --schemas, content parsers) wins over both.
    /// </summary>
    public SchemaSetBuilder AddBuiltIns()
    {
        if (CatalogFolder is { } catalog)
        {
            AddCatalog(catalog);
        }
        if (BuiltInSchemaFolder is { } builtIn)
        {
            AddCatalog(builtIn); // the pinned tables are real tables too
        }
        return this;
    }

    /// <summary>Adds a catalogue of standard tables: like <see cref="AddFolder"/>, and its table names count as standard tables.</summary>
    public SchemaSetBuilder AddCatalog(string folder)
    {
        var before = _set.Tables.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        AddFolder(folder);
        foreach (var table in _set.Tables.Where(t => !before.Contains(t.Name)))
        {
            _set.MarkStandard(table.Name);
        }
        return this;
    }

    /// <summary>The usual sources: built-in folder, settings schema folders, then command-line folders (each later one wins).</summary>
    public static (SchemaSet Schemas, IReadOnlyList<Diagnostic> Diagnostics) FromSources(
        ContentSettings? settings, IEnumerable<string> commandLineFolders, bool includeBuiltIn = true)
    {
        ArgumentNullException.ThrowIfNull(commandLineFolders);
        var builder = new SchemaSetBuilder(settings?.MaxFileSizeBytes ?? LoadOptions.DefaultMaxFileSizeBytes);
        if (includeBuiltIn)
        {
            builder.AddBuiltIns();
        }
        foreach (var folder in settings?.SchemaFolders ?? [])
        {
            builder.AddFolder(folder);
        }
        foreach (var folder in commandLineFolders)
        {
            builder.AddFolder(folder);
        }
        return builder.Build();
    }

    /// <summary>Adds every <c>.json</c>, <c>.yaml</c> and <c>.yml</c> file under <paramref name="folder"/> (recursively) as one source.</summary>
    public SchemaSetBuilder AddFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (File.Exists(folder))
        {
            return AddFiles([folder]);
        }
        if (!Directory.Exists(folder))
        {
            _diagnostics.Add(LoadingCodes.PathNotFound.Create(folder, SourceSpan.Unknown, $"Schema folder '{folder}' does not exist."));
            return this;
        }
        var files = new List<string>();
        try
        {
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
            };
            files.AddRange(Directory.EnumerateFiles(folder, "*", options)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ||
                            ((f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) &&
                             !SampleTestFile.IsSampleFile(f)))
                .Order(StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(LoadingCodes.ReadFailed.Create(folder, SourceSpan.Unknown, $"Schema folder could not be read: {ex.Message}"));
            return this;
        }
        return AddFiles(files);
    }

    /// <summary>Adds files as one source: a name defined twice within it is reported and the later file wins.</summary>
    public SchemaSetBuilder AddFiles(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var definedHere = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var bag = new DiagnosticBag(file);
            var schemaFile = SchemaLoader.LoadFile(file, bag, _maxBytes);
            foreach (var table in schemaFile.Tables)
            {
                NoteDuplicate(definedHere, "table", table.Name, file, bag);
                _set.AddOrReplace(table);
                if (schemaFile.AliasName is { } alias)
                {
                    _aliases.Add((alias, table));
                }
            }
            foreach (var function in schemaFile.Functions)
            {
                NoteDuplicate(definedHere, "function", function.Name, file, bag);
                _set.AddOrReplace(function);
            }
            _diagnostics.AddRange(bag.Items);
        }
        return this;
    }

    public SchemaSetBuilder AddTable(TableSchema table)
    {
        _set.AddOrReplace(table);
        return this;
    }

    public SchemaSetBuilder AddFunction(FunctionSchema function)
    {
        _set.AddOrReplace(function);
        return this;
    }

    /// <summary>
    /// Registers parsers shipped as plain KQL files (<see cref="KqlFunctionFiles"/>) so calls resolve. One source; a
    /// name two files define takes the later file's body (such copies are the same parser shipped twice). Add them
    /// before <see cref="AddParsers"/>: a YAML parser of the same name wins.
    /// </summary>
    public SchemaSetBuilder AddKqlFunctionFiles(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            var bag = new DiagnosticBag(file);
            foreach (var function in KqlFunctionFiles.Load(file, bag, _maxBytes))
            {
                _set.AddOrReplace(function);
            }
            _diagnostics.AddRange(bag.Items);
        }
        return this;
    }

    /// <summary>Registers the parsers of a content set (so rules can call them) under every callable name.</summary>
    public SchemaSetBuilder AddParsers(IEnumerable<ParserFunction> parsers)
    {
        ArgumentNullException.ThrowIfNull(parsers);
        foreach (var function in parsers.SelectMany(parser => parser.ToFunctionSchemas()))
        {
            _set.AddOrReplace(function);
        }
        return this;
    }

    /// <summary>Applies the weak file-name aliases and returns the set with every finding.</summary>
    public (SchemaSet Schemas, IReadOnlyList<Diagnostic> Diagnostics) Build()
    {
        foreach (var (alias, table) in _aliases)
        {
            if (_set.FindTable(alias) is null)
            {
                _set.AddOrReplace(table with { Name = alias });
            }
        }
        _aliases.Clear();
        // A folder given twice (by --schemas and by the discovered Azure-Sentinel layout) reports each finding once.
        return (_set, _diagnostics.Distinct().ToList());
    }

    private static void NoteDuplicate(Dictionary<string, string> definedHere, string what, string name, string file, DiagnosticBag bag)
    {
        if (definedHere.TryGetValue(name, out var previous) && previous != file)
        {
            bag.Add(LoadingCodes.DuplicateSchema, new SourceSpan(1, 1),
                $"The {what} '{name}' is also defined by '{previous}' in the same source; this file's definition is used.");
        }
        definedHere[name] = file;
    }
}
