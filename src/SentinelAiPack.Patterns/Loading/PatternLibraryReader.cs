using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;
using SentinelAiPack.Patterns.Model;

namespace SentinelAiPack.Patterns.Loading;

/// <summary>
/// Reads the pattern library: every <c>*.yaml</c> of the folder is a family (<c>family:</c>) or the meta-discussion
/// rules (<c>kind: MetaDiscussion</c>). Never throws for bad input: problems are SAP5xxx diagnostics with file and line,
/// and the other files are still read.
/// </summary>
public static partial class PatternLibraryReader
{
    /// <summary>Decoders the generator implements in KQL.</summary>
    public static IReadOnlyList<string> KnownDecoders { get; } =
        ["base64", "base32", "base16", "ascii85", "rot13", "atbash", "reverse", "quoted-printable", "url", "html", "tags"];

    public static PatternLibrary Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var diagnostics = new List<Diagnostic>();
        var families = new List<PatternFamily>();
        MetaDiscussionRules? meta = null;
        ParserSettings? parser = null;
        foreach (var file in ContentLoader.ExpandPath(folder, diagnostics))
        {
            var bag = new DiagnosticBag(file);
            var (family, settings) = ReadFile(file, bag);
            diagnostics.AddRange(bag.Items);
            if (family is not null)
            {
                if (families.FirstOrDefault(f => string.Equals(f.Name, family.Name, StringComparison.OrdinalIgnoreCase)) is { } first)
                {
                    diagnostics.Add(PatternCodes.DuplicateName.Create(file, new SourceSpan(1, 1), $"Family '{family.Name}' is also defined in {first.FilePath}; this file is ignored."));
                }
                else
                {
                    families.Add(family);
                }
            }
            if (settings is not null)
            {
                if (meta is not null)
                {
                    diagnostics.Add(PatternCodes.DuplicateName.Create(file, new SourceSpan(1, 1), $"The library settings are also defined in {meta.FilePath}; this file is ignored."));
                }
                else
                {
                    (parser, meta) = settings.Value;
                }
            }
        }
        if (meta is null && Directory.Exists(folder))
        {
            diagnostics.Add(PatternCodes.InvalidFamily.Create(folder, SourceSpan.Unknown, "The library has no settings file (kind: Library, with parser: and metaDiscussion:)."));
        }
        return new PatternLibrary([.. families.OrderBy(f => f.Name, StringComparer.Ordinal)], parser, meta, diagnostics);
    }

    /// <summary>Reads one file: a family, the meta rules, or nothing (with diagnostics).</summary>
    public static (PatternFamily? Family, (ParserSettings Parser, MetaDiscussionRules Meta)? Settings) ReadFile(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = TextFileReader.Read(path, LoadOptions.DefaultMaxFileSizeBytes, diagnostics);
        return text is null ? (null, null) : ReadText(text, path, diagnostics);
    }

    public static (PatternFamily? Family, (ParserSettings Parser, MetaDiscussionRules Meta)? Settings) ReadText(string text, string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(LoadingCodes.EmptyFile, SourceSpan.Unknown, "File is empty.");
            return (null, null);
        }
        var documents = YamlDocumentReader.Read(text, diagnostics);
        if (documents is null || documents.Count == 0)
        {
            return (null, null);
        }
        if (documents[0] is not YamlMapping root)
        {
            diagnostics.Add(LoadingCodes.NotAMapping, documents[0]?.Span ?? new SourceSpan(1, 1), "A pattern-library file must be a mapping (family:, patterns:, examples: ...).");
            return (null, null);
        }
        var reader = new MappingReader(root, diagnostics, string.Empty);
        if (reader.Text("kind") is { } kind)
        {
            if (kind.Value != "Library")
            {
                diagnostics.Add(PatternCodes.InvalidFamily, kind.Span, $"Unknown kind '{kind.Value}': the only kind is Library (families have a 'family:' key instead).");
                return (null, null);
            }
            return (null, ReadSettings(reader, root, path));
        }
        return (ReadFamily(reader, root, path), null);
    }

    private static (ParserSettings, MetaDiscussionRules)? ReadSettings(MappingReader library, YamlMapping root, string path)
    {
        var d = library.Diagnostics;
        ParserSettings? parser = null;
        if (library.Map("parser") is { } p)
        {
            var settings = library.Nested(p.Mapping, "parser");
            parser = new ParserSettings(Required(settings, "name", p.Mapping) ?? "", Required(settings, "id", p.Mapping) ?? "", Required(settings, "title", p.Mapping) ?? "",
                Required(settings, "version", p.Mapping) ?? "", Required(settings, "lastUpdated", p.Mapping) ?? "");
            settings.ReportUnknownKeys("library parser");
            if (!System.Text.RegularExpressions.Regex.IsMatch(parser.Version, @"^[0-9]+\.[0-9]+\.[0-9]+$") || !Guid.TryParse(parser.Id, out _))
            {
                d.Add(PatternCodes.InvalidFamily, p.Entry.Value.Span, "parser.version must be x.y.z and parser.id a GUID.");
            }
        }
        else
        {
            d.Add(PatternCodes.InvalidFamily, root.Span, "Missing 'parser:' (name, id, title, version, lastUpdated of the generated parser).");
        }
        MetaDiscussionRules? meta = null;
        if (library.Map("metaDiscussion") is { } m)
        {
            meta = ReadMeta(library.Nested(m.Mapping, "metaDiscussion"), path);
        }
        else
        {
            d.Add(PatternCodes.InvalidFamily, root.Span, "Missing 'metaDiscussion:' (the rules that score meta discussion Informational).");
        }
        library.ReportUnknownKeys("pattern-library settings");
        return d.HasErrors || parser is null || meta is null ? null : (parser, meta);
    }

    private static MetaDiscussionRules ReadMeta(MappingReader reader, string path)
    {
        var rules = new MetaDiscussionRules
        {
            Watchlist = Required(reader, "watchlist", root: null) ?? string.Empty,
            Score = Score(reader, "score") ?? 0,
            MaxQuestionLength = reader.Integer("maxQuestionLength")?.Value ?? 600,
            MaxLength = reader.Integer("maxLength")?.Value ?? 1200,
            MaxFamilies = reader.Integer("maxFamilies")?.Value ?? 2,
            Topic = RegexValue(reader, "topic") ?? string.Empty,
            Frame = RegexValue(reader, "frame") ?? string.Empty,
            Quotes = RegexValue(reader, "quotes") ?? string.Empty,
            FilePath = path,
        };
        reader.ReportUnknownKeys("meta-discussion");
        return rules;
    }

    private static PatternFamily? ReadFamily(MappingReader reader, YamlMapping root, string path)
    {
        var d = reader.Diagnostics;
        var name = Required(reader, "family", root);
        if (name is not null && !FamilyName().IsMatch(name))
        {
            d.Add(PatternCodes.InvalidFamily, reader.Mapping.Find("family")!.Value.Span, $"Family name '{name}' must be PascalCase letters (e.g. InstructionOverride).");
        }
        var sources = ReadSources(reader, root);
        var patterns = ReadPatterns(reader, "patterns");
        var squashed = ReadPatterns(reader, "squashed");
        var decoders = reader.TextList("decoders")?.Value ?? [];
        foreach (var decoder in decoders.Where(x => !KnownDecoders.Contains(x.Value)))
        {
            d.Add(PatternCodes.InvalidFamily, decoder.Span, $"Unknown decoder '{decoder.Value}'; known: {string.Join(", ", KnownDecoders)}.");
        }
        var codepoints = reader.Map("codepoints") is { } map ? ReadCodepoints(reader.Nested(map.Mapping, "codepoints")) : null;
        var flood = reader.Map("flood") is { } floodMap ? ReadFlood(reader.Nested(floodMap.Mapping, "flood")) : null;
        var family = new PatternFamily
        {
            Name = name ?? string.Empty,
            Title = Required(reader, "title", root) ?? string.Empty,
            Description = Required(reader, "description", root) ?? string.Empty,
            FalsePositives = Required(reader, "falsePositives", root) ?? string.Empty,
            Sources = sources,
            RecheckDecoded = reader.Boolean("recheckDecoded")?.Value ?? false,
            Patterns = patterns,
            Squashed = squashed,
            Decoders = [.. decoders.Select(x => x.Value)],
            DecodedScore = Score(reader, "decodedScore") ?? 0,
            ReadableScore = Score(reader, "readableScore") ?? 0,
            PrintableScore = Score(reader, "printableScore") ?? 0,
            Codepoints = codepoints,
            Flood = flood,
            Examples = ReadExamples(reader),
            FilePath = path,
        };
        if (patterns.Count == 0 && squashed.Count == 0 && decoders.Count == 0 && codepoints is null && flood is null && name is not null)
        {
            d.Add(PatternCodes.InvalidFamily, new SourceSpan(1, 1), $"Family '{name}' has no patterns, decoders or codepoints: it could never match.");
        }
        foreach (var duplicate in patterns.Concat(squashed).GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            d.Add(PatternCodes.DuplicateName, new SourceSpan(duplicate.Last().Line, 1), $"Pattern name '{duplicate.Key}' is used {duplicate.Count()} times in family '{name}'.");
        }
        reader.ReportUnknownKeys("pattern-family");
        return d.HasErrors ? null : family;
    }

    private static List<string> ReadSources(MappingReader reader, YamlMapping root)
    {
        var list = reader.TextList("sources");
        if (list is null || list.Value.Count == 0)
        {
            reader.Diagnostics.Add(PatternCodes.InvalidFamily, root.Span, $"Missing 'sources': list the text sources the family applies to ({string.Join(", ", TextSources.All)}).");
            return [];
        }
        foreach (var unknown in list.Value.Where(s => !TextSources.All.Contains(s.Value)))
        {
            reader.Diagnostics.Add(PatternCodes.InvalidFamily, unknown.Span, $"Unknown source '{unknown.Value}'; known: {string.Join(", ", TextSources.All)}.");
        }
        return [.. list.Value.Select(s => s.Value).Where(TextSources.All.Contains).Distinct()];
    }

    private static List<SignalPattern> ReadPatterns(MappingReader reader, string key)
    {
        var result = new List<SignalPattern>();
        if (reader.Sequence(key) is not { } found)
        {
            return result;
        }
        foreach (var (item, index) in reader.MappingItems(found.Sequence, key))
        {
            var entry = reader.Nested(item, $"{key}[{index}]");
            var name = Required(entry, "name", item);
            var score = Score(entry, "score");
            var regex = RegexValue(entry, "regex");
            entry.ReportUnknownKeys("pattern");
            if (name is not null && score is not null && regex is not null)
            {
                result.Add(new SignalPattern(name, score.Value, regex, item.Start.Line));
            }
        }
        return result;
    }

    private static List<FamilyExample> ReadExamples(MappingReader reader)
    {
        var result = new List<FamilyExample>();
        if (reader.Sequence("examples") is not { } found)
        {
            return result;
        }
        foreach (var (item, index) in reader.MappingItems(found.Sequence, "examples"))
        {
            var entry = reader.Nested(item, $"examples[{index}]");
            var expect = entry.Text("expect");
            var source = entry.Text("source");
            var text = entry.Text("text");
            entry.ReportUnknownKeys("example");
            if (expect is null || !Enum.TryParse<ExampleExpectation>(expect.Value, ignoreCase: true, out var expectation))
            {
                reader.Diagnostics.Add(PatternCodes.InvalidFamily, expect?.Span ?? item.Span, "An example needs 'expect: attack', 'expect: benign' or 'expect: meta'.");
                continue;
            }
            if (source is not null && !TextSources.All.Contains(source.Value))
            {
                reader.Diagnostics.Add(PatternCodes.InvalidFamily, source.Span, $"Unknown example source '{source.Value}'; known: {string.Join(", ", TextSources.All)}.");
                continue;
            }
            if (text is null || text.Value.Length == 0)
            {
                reader.Diagnostics.Add(PatternCodes.InvalidFamily, item.Span, "An example needs a non-empty 'text'.");
                continue;
            }
            result.Add(new FamilyExample(expectation, source?.Value ?? TextSources.UserPrompt, text.Value, item.Start.Line));
        }
        return result;
    }

    private static CodepointRules? ReadCodepoints(MappingReader reader)
    {
        int Need(string key) => reader.Integer(key)?.Value ?? Missing(reader, key);
        var rules = new CodepointRules(Need("tagMin"), Need("tagScore"), Need("variationSelectorMin"), Need("variationSelectorScore"),
            Need("bidiMin"), Need("bidiScore"), Need("zeroWidthMin"), Need("zeroWidthScore"), Need("combiningMin"), Need("combiningScore"));
        reader.ReportUnknownKeys("codepoints");
        return rules;
    }

    private static FloodRules ReadFlood(MappingReader reader)
    {
        int Need(string key) => reader.Integer(key)?.Value ?? Missing(reader, key);
        var rules = new FloodRules(Need("minLength"), Need("maxDistinctCharacters"), Need("score"));
        reader.ReportUnknownKeys("flood");
        return rules;
    }

    private static int Missing(MappingReader reader, string key)
    {
        reader.Diagnostics.Add(PatternCodes.InvalidFamily, reader.Mapping.Span, $"Missing '{reader.PathOf(key)}' (a whole number).");
        return 0;
    }

    private static string? Required(MappingReader reader, string key, YamlNode? root)
    {
        var value = reader.Text(key);
        if (value is null || value.Value.Trim().Length == 0)
        {
            reader.Diagnostics.Add(PatternCodes.InvalidFamily, root?.Span ?? reader.Mapping.Span, $"Missing '{reader.PathOf(key)}'.");
            return null;
        }
        return value.Value.Trim();
    }

    private static int? Score(MappingReader reader, string key)
    {
        var value = reader.Integer(key);
        if (value is null)
        {
            if (!reader.InvalidKeys.Contains(key) && key == "score")
            {
                reader.Diagnostics.Add(PatternCodes.InvalidFamily, reader.Mapping.Span, $"Missing '{reader.PathOf(key)}' (0-100).");
            }
            return null;
        }
        if (value.Value is < 0 or > 100)
        {
            reader.Diagnostics.Add(PatternCodes.InvalidFamily, value.Span, $"'{reader.PathOf(key)}' is {value.Value}; scores are 0-100.");
            return null;
        }
        return value.Value;
    }

    /// <summary>A regex value: present, valid in .NET and portable to RE2.</summary>
    private static string? RegexValue(MappingReader reader, string key)
    {
        var value = reader.Text(key);
        if (value is null || value.Value.Length == 0)
        {
            reader.Diagnostics.Add(PatternCodes.InvalidFamily, reader.Mapping.Span, $"Missing '{reader.PathOf(key)}'.");
            return null;
        }
        var ok = true;
        foreach (var problem in Re2Portability.Problems(value.Value))
        {
            reader.Diagnostics.Add(PatternCodes.NotPortableRegex, value.Span, $"'{reader.PathOf(key)}': {problem}.");
            ok = false;
        }
        try
        {
            _ = new Regex(value.Value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            reader.Diagnostics.Add(PatternCodes.InvalidRegex, value.Span, $"'{reader.PathOf(key)}' is not a valid regular expression: {e.Message}");
            ok = false;
        }
        return ok ? value.Value : null;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]+$")]
    private static partial Regex FamilyName();
}
