using SentinelAiPack.Content.Text;
using System.Globalization;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Loading;

/// <summary>
/// Typed, position-keeping access to one YAML mapping. Keys match case-insensitively (as Azure-Sentinel's
/// Newtonsoft-based checks do); a wrong value type is reported once (SAP5009) and the field reads as absent;
/// <see cref="ReportUnknownKeys"/> warns about every key nobody asked for (SAP5010), so nothing is dropped silently.
/// </summary>
public sealed class MappingReader
{
    private readonly Dictionary<string, YamlEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _invalid = new(StringComparer.OrdinalIgnoreCase);
    private readonly DiagnosticBag _diagnostics;
    private readonly string _context;

    public MappingReader(YamlMapping mapping, DiagnosticBag diagnostics, string context)
    {
        Mapping = mapping;
        _diagnostics = diagnostics;
        _context = context;
        foreach (var entry in mapping.Entries)
        {
            if (!_entries.TryAdd(entry.Key.Value, entry))
            {
                var first = _entries[entry.Key.Value];
                diagnostics.Add(LoadingCodes.DuplicateKey, entry.Key.Span,
                    $"Key '{entry.Key.Value}' repeats '{first.Key.Value}' (line {first.Key.Start.Line}); keys are case-insensitive here, the first value is used.");
            }
        }
    }

    public YamlMapping Mapping { get; }

    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>Keys whose value had the wrong type.</summary>
    public IReadOnlySet<string> InvalidKeys => _invalid;

    public string PathOf(string key) => _context.Length == 0 ? key : $"{_context}.{key}";

    /// <summary>The entry for <paramref name="key"/>, or null when absent or null-valued. Marks the key as known.</summary>
    public YamlEntry? Take(string key)
    {
        _used.Add(key);
        return _entries.TryGetValue(key, out var entry) && entry.Value is not YamlScalar { IsNull: true } ? entry : null;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public Located<string>? Text(string key)
    {
        var entry = Take(key);
        if (entry is null)
        {
            return null;
        }
        if (entry.Value is YamlScalar scalar)
        {
            return new Located<string>(scalar.Value, scalar.Span) { KeySpan = entry.Key.Span };
        }
        WrongType(entry, "text");
        return null;
    }

    public Located<int>? Integer(string key)
    {
        var entry = Take(key);
        if (entry is null)
        {
            return null;
        }
        if (entry.Value is YamlScalar scalar &&
            int.TryParse(scalar.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return new Located<int>(value, scalar.Span) { KeySpan = entry.Key.Span };
        }
        WrongType(entry, "a whole number");
        return null;
    }

    public Located<bool>? Boolean(string key)
    {
        var entry = Take(key);
        if (entry is null)
        {
            return null;
        }
        if (entry.Value is YamlScalar scalar && bool.TryParse(scalar.Value.Trim(), out var value))
        {
            return new Located<bool>(value, scalar.Span) { KeySpan = entry.Key.Span };
        }
        WrongType(entry, "true or false");
        return null;
    }

    public (YamlSequence Sequence, YamlEntry Entry)? Sequence(string key)
    {
        var entry = Take(key);
        if (entry is null)
        {
            return null;
        }
        if (entry.Value is YamlSequence sequence)
        {
            return (sequence, entry);
        }
        WrongType(entry, "a list");
        return null;
    }

    public (YamlMapping Mapping, YamlEntry Entry)? Map(string key)
    {
        var entry = Take(key);
        if (entry is null)
        {
            return null;
        }
        if (entry.Value is YamlMapping mapping)
        {
            return (mapping, entry);
        }
        WrongType(entry, "a mapping");
        return null;
    }

    /// <summary>A list of text values; non-text items are reported and skipped.</summary>
    public Located<IReadOnlyList<Located<string>>>? TextList(string key)
    {
        if (Sequence(key) is not { } found)
        {
            return null;
        }
        var items = new List<Located<string>>();
        for (var i = 0; i < found.Sequence.Items.Count; i++)
        {
            var item = found.Sequence.Items[i];
            if (item is YamlScalar scalar)
            {
                if (!scalar.IsNull)
                {
                    items.Add(new Located<string>(scalar.Value, scalar.Span));
                }
            }
            else
            {
                _diagnostics.Add(LoadingCodes.WrongValueType, item.Span,
                    $"'{PathOf(key)}[{i}]' must be text, found a {item.KindName}; the item is ignored.");
            }
        }
        return new Located<IReadOnlyList<Located<string>>>(items, found.Sequence.Span) { KeySpan = found.Entry.Key.Span };
    }

    /// <summary>Mapping items of a list; other items are reported and skipped.</summary>
    public IEnumerable<(YamlMapping Item, int Index)> MappingItems(YamlSequence sequence, string key)
    {
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            if (item is YamlMapping mapping)
            {
                yield return (mapping, i);
            }
            else if (item is not YamlScalar { IsNull: true })
            {
                _diagnostics.Add(LoadingCodes.WrongValueType, item.Span,
                    $"'{PathOf(key)}[{i}]' must be a mapping, found a {item.KindName}; the item is ignored.");
            }
        }
    }

    public MappingReader Nested(YamlMapping mapping, string context) => new(mapping, _diagnostics, context);

    /// <summary>Warns about every key that was never read and is not in <paramref name="alsoKnown"/>.</summary>
    public void ReportUnknownKeys(string formatName, IEnumerable<string>? alsoKnown = null)
    {
        var known = new HashSet<string>(_used, StringComparer.OrdinalIgnoreCase);
        if (alsoKnown is not null)
        {
            known.UnionWith(alsoKnown);
        }
        foreach (var entry in Mapping.Entries)
        {
            if (known.Contains(entry.Key.Value))
            {
                continue;
            }
            var suggestion = ClosestKey(entry.Key.Value, known);
            var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
            _diagnostics.Add(LoadingCodes.UnknownKey, entry.Key.Span,
                $"Unknown key '{PathOf(entry.Key.Value)}': it is not part of the {formatName} format and is not used.{hint}");
        }
    }

    private void WrongType(YamlEntry entry, string expected)
    {
        _invalid.Add(entry.Key.Value);
        var found = entry.Value is YamlScalar scalar ? $"'{Shorten(scalar.Value)}'" : $"a {entry.Value.KindName}";
        _diagnostics.Add(LoadingCodes.WrongValueType, entry.Value.Span,
            $"'{PathOf(entry.Key.Value)}' must be {expected}, found {found}.");
    }

    internal static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    /// <summary>The known key a misspelt one most likely meant (at most two edits away, ignoring case).</summary>
    private static string? ClosestKey(string key, IEnumerable<string> known) =>
        NameSuggestions.Closest(key, known, max: 1, maxDistance: 2).FirstOrDefault();
}
