using System.Text.RegularExpressions;

namespace SentinelAiPack.Workbooks.Queries;

/// <summary>
/// A workbook parameter reference in query or markdown text: <c>{Name}</c> or <c>{Name:format}</c>, as the workbook
/// engine substitutes them. <see cref="Start"/>/<see cref="Length"/> are offsets into the text the reference was found in.
/// </summary>
public sealed partial record ParameterReference(string Name, string? Format, int Start, int Length)
{
    /// <summary>Every reference in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<ParameterReference> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pattern().Matches(text)
            .Select(m => new ParameterReference(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null, m.Index, m.Length))
            .ToList();
    }

    public override string ToString() => Format is null ? $"{{{Name}}}" : $"{{{Name}:{Format}}}";

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z0-9_]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
