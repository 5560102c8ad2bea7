using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Queries;

/// <summary>
/// Which <c>{Name:format}</c> forms a spec query may use. Time ranges: <c>{T}</c>, <c>{T:value}</c> and
/// <c>{T:query}</c> (a predicate such as <c>&gt; ago(1d)</c>) and <c>{T:grain}</c> (a timespan). Text and drop-down
/// parameters: only <c>{P}</c>, which the generator turns into an injection-safe expression.
/// </summary>
public static class ParameterFormats
{
    public const string Grain = "grain";

    /// <summary>Null when the reference is usable in a query, else why not.</summary>
    public static string? Problem(ParameterSpec parameter, string? format)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (format is null)
        {
            return null;
        }
        if (parameter.Kind == ParameterKind.TimeRange)
        {
            return format is "value" or "query" or Grain
                ? null
                : $"'{{{parameter.Name.Value}:{format}}}' is not supported in queries: use '{{{parameter.Name.Value}}}' after a datetime column " +
                  $"(it expands to a predicate such as '> ago(1d)') or '{{{parameter.Name.Value}:grain}}' for a bin size.";
        }
        return $"'{{{parameter.Name.Value}:{format}}}' is not supported in queries: write '{{{parameter.Name.Value}}}', which stands for a " +
               (parameter.ValueType == ParameterValueType.StringArray ? "dynamic array of the selected values" : "string value") +
               " and is emitted injection-safe (base64-encoded) by the generator.";
    }

    /// <summary>True when a time-range reference stands for a timespan (<c>:grain</c>) rather than a predicate.</summary>
    public static bool IsGrain(string? format) => string.Equals(format, Grain, StringComparison.Ordinal);
}
