using System.Text;
using System.Text.Json;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Queries;

/// <summary>
/// The workbook's own syntax, as written into the gallery JSON. Time ranges stay <c>{T}</c>/<c>{T:grain}</c>; string
/// parameters become <c>base64_decode_tostring('{P:base64}')</c> and multi-select ones a dynamic array decoded the
/// same way, so a value chosen from logs (attacker-controlled) can never change the query.
/// </summary>
public sealed class GalleryExpansion : IParameterExpansion
{
    public static GalleryExpansion Instance { get; } = new();

    public string Expand(ParameterSpec parameter, string? format)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var name = parameter.Name.Value;
        return parameter.ValueType switch
        {
            ParameterValueType.TimePredicate => format is null ? $"{{{name}}}" : $"{{{name}:{format}}}",
            ParameterValueType.StringArray => KqlLiteral.JsonArrayFromBase64($"{{{name}:base64}}"),
            _ => KqlLiteral.Base64Decoded($"{{{name}:base64}}"),
        };
    }
}

/// <summary>
/// Typed placeholders for analysis: time range → <c>&gt; ago(1d)</c> (<c>:grain</c> → <c>1h</c>), string → a string
/// literal, multi-select → <c>dynamic([...])</c>. The analyzer then checks each tile like a rule query.
/// </summary>
public sealed class PlaceholderExpansion : IParameterExpansion
{
    public const string Placeholder = "aipack-placeholder";

    public static PlaceholderExpansion Instance { get; } = new();

    public string Expand(ParameterSpec parameter, string? format)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.ValueType switch
        {
            ParameterValueType.TimePredicate => ParameterFormats.IsGrain(format) ? "1h" : "> ago(1d)",
            ParameterValueType.StringArray => $"dynamic([\"{Placeholder}\"])",
            _ => $"\"{Placeholder}\"",
        };
    }
}

/// <summary>
/// Concrete values, for running tiles locally: the time range is the data's window, strings and arrays go through the
/// same base64 decoding the generated workbook uses.
/// </summary>
public sealed class ValueExpansion(DateTime start, DateTime end, IReadOnlyDictionary<string, IReadOnlyList<string>> values) : IParameterExpansion
{
    public DateTime Start { get; } = start;

    public DateTime End { get; } = end;

    /// <summary>The bin size the workbook would pick for the range: about a hundred buckets, rounded to a common size.</summary>
    public TimeSpan Grain => PickGrain(End - Start);

    public string Expand(ParameterSpec parameter, string? format)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var selected = values.TryGetValue(parameter.Name.Value, out var v) ? v : [];
        return parameter.ValueType switch
        {
            ParameterValueType.TimePredicate => ParameterFormats.IsGrain(format)
                ? KqlLiteral.Timespan(Grain)
                : $"between ({KqlLiteral.DateTime(Start)} .. {KqlLiteral.DateTime(End)})",
            ParameterValueType.StringArray => KqlLiteral.JsonArrayFromBase64(Base64(string.Join(',', selected.Select(s => JsonSerializer.Serialize(s))))),
            _ => KqlLiteral.Base64Decoded(Base64(selected.Count > 0 ? selected[0] : string.Empty)),
        };
    }

    public static TimeSpan PickGrain(TimeSpan range)
    {
        TimeSpan[] sizes = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
            TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1)];
        var target = range / 100;
        return sizes.FirstOrDefault(s => s >= target, sizes[^1]);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
