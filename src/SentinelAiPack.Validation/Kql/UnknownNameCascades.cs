using SentinelAiPack.Kql;

namespace SentinelAiPack.Validation.Kql;

/// <summary>
/// Findings the analyzer reports only because of an earlier unknown name, which are that name's cascade and not
/// causes of their own: after <c>project-rename New = Missing</c> the analyzer drops <c>New</c> and reports every later
/// use of it; after <c>| invoke Unknown()</c> the rest of the pipeline has no columns and every name used there is
/// reported; after a syntax error the parser's recovery decides what the rest means, so unknown names from there on
/// are not reported either. The cause's finding says what was left out.
/// </summary>
internal sealed class UnknownNameCascades
{
    private readonly Dictionary<string, List<string>> _renamedTo;
    private readonly Dictionary<string, int> _renamedAt;
    private readonly List<KqlUnresolvedInvoke> _invokes;
    private readonly Dictionary<string, int> _silencedAfterInvoke;
    private readonly int _firstSyntaxError;
    private readonly int _silencedAfterSyntaxError;

    private UnknownNameCascades(Dictionary<string, List<string>> renamedTo, Dictionary<string, int> renamedAt, List<KqlUnresolvedInvoke> invokes,
        Dictionary<string, int> silencedAfterInvoke, int firstSyntaxError, int silencedAfterSyntaxError)
    {
        _firstSyntaxError = firstSyntaxError;
        _silencedAfterSyntaxError = silencedAfterSyntaxError;
        _renamedTo = renamedTo;
        _renamedAt = renamedAt;
        _invokes = invokes;
        _silencedAfterInvoke = silencedAfterInvoke;
    }

    /// <param name="findings">Offset and unknown name of each analyzer finding on the query.</param>
    /// <param name="firstSyntaxError">Offset of the query's first syntax error that is not about an unknown name; none: <see cref="int.MaxValue"/>.</param>
    public static UnknownNameCascades Of(KqlAnalysis analysis, IReadOnlyList<(int Start, UnknownName Unknown)> findings, int firstSyntaxError = int.MaxValue)
    {
        var afterSyntaxError = findings.Where(f => f.Unknown.Kind != UnknownNameKind.None && f.Start >= firstSyntaxError)
            .Select(f => (f.Unknown.Kind, f.Unknown.Name)).Distinct().Count();
        var unknownColumns = Names(findings, UnknownNameKind.ColumnOrName);
        var renamedTo = (analysis.UnresolvedRenames ?? [])
            .Where(r => unknownColumns.Contains(r.From) && !string.Equals(r.Name, r.From, StringComparison.Ordinal))
            .GroupBy(r => r.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var renamedAt = (analysis.UnresolvedRenames ?? [])
            .Where(r => renamedTo.ContainsKey(r.From))
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(r => r.Start), StringComparer.Ordinal);

        var unknownFunctions = Names(findings, UnknownNameKind.TableOrFunction);
        var invokes = (analysis.UnresolvedInvokes ?? []).Where(i => unknownFunctions.Contains(i.Name)).ToList();
        var silenced = findings
            .Where(f => f.Unknown.Kind == UnknownNameKind.ColumnOrName)
            .Select(f => (Invoke: invokes.FirstOrDefault(i => i.Covers(f.Start)), f.Unknown.Name))
            .Where(s => s.Invoke is not null)
            .GroupBy(s => s.Invoke!.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        return new UnknownNameCascades(renamedTo, renamedAt, invokes, silenced, firstSyntaxError, afterSyntaxError);
    }

    /// <summary>True when the finding at <paramref name="start"/> about <paramref name="unknown"/> is an earlier cause's cascade.</summary>
    public bool IsCascade(int start, UnknownName unknown)
    {
        if (unknown.Kind != UnknownNameKind.None && start >= _firstSyntaxError)
        {
            return true;
        }
        if (unknown.Kind != UnknownNameKind.ColumnOrName)
        {
            return false;
        }
        if (_invokes.Any(i => i.Covers(start)))
        {
            return true;
        }
        return !_renamedTo.ContainsKey(unknown.Name) && _renamedAt.TryGetValue(unknown.Name, out var at) && start > at;
    }

    /// <summary>What the finding about <paramref name="unknown"/> adds about its cascade (empty when none).</summary>
    public string NoteFor(UnknownName unknown)
    {
        if (unknown.Kind == UnknownNameKind.TableOrFunction && _silencedAfterInvoke.TryGetValue(unknown.Name, out var after))
        {
            return after == 1
                ? " The name used after its invoke is not reported: the pipeline has no known columns from there on."
                : $" The {after} names used after its invoke are not reported: the pipeline has no known columns from there on.";
        }
        if (unknown.Kind == UnknownNameKind.ColumnOrName && _renamedTo.TryGetValue(unknown.Name, out var targets))
        {
            return $" It is renamed to {string.Join(", ", targets.Select(t => $"'{t}'"))}, whose later uses are not reported.";
        }
        return string.Empty;
    }

    /// <summary>What the syntax error at <paramref name="start"/> adds about the unknown names after it (empty when none, or not the first).</summary>
    public string NoteForSyntaxError(int start) => start != _firstSyntaxError || _silencedAfterSyntaxError == 0
        ? string.Empty
        : _silencedAfterSyntaxError == 1
            ? " The unknown name after it is not reported: the rest of the query is read through the parser's error recovery."
            : $" The {_silencedAfterSyntaxError} unknown names after it are not reported: the rest of the query is read through the parser's error recovery.";

    private static HashSet<string> Names(IEnumerable<(int Start, UnknownName Unknown)> findings, UnknownNameKind kind) =>
        findings.Where(f => f.Unknown.Kind == kind).Select(f => f.Unknown.Name).ToHashSet(StringComparer.Ordinal);
}
