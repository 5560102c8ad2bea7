using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Workbooks.Specs;

/// <summary>What a parameter holds, which decides how <c>{Name}</c> expands in a query.</summary>
public enum ParameterKind
{
    /// <summary>Time range picker (workbook type 4): <c>{Name}</c> is a predicate suffix such as <c>&gt; ago(7d)</c>.</summary>
    TimeRange,

    /// <summary>Drop down (type 2), values from a query or a fixed list: a string, or a dynamic array when multi-select.</summary>
    Dropdown,

    /// <summary>Free text (type 1), typically set by drill-down from a selected row: a string.</summary>
    Text,
}

/// <summary>One workbook parameter.</summary>
public sealed record ParameterSpec(Located<string> Name, ParameterKind Kind, SourceSpan Span)
{
    public string Label { get; init; } = string.Empty;

    public string? Description { get; init; }

    /// <summary>Drop downs: many values may be selected; <c>{Name}</c> is then a <c>dynamic</c> array (empty = all).</summary>
    public bool MultiSelect { get; init; }

    /// <summary>Drop downs: the query whose first column gives the choices.</summary>
    public QueryText? Query { get; init; }

    /// <summary>Drop downs: fixed choices when there is no query.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Time ranges: the range selected when the workbook opens.</summary>
    public TimeSpan DefaultRange { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Text parameters: hidden from the parameter bar (set only by drill-down).</summary>
    public bool Hidden { get; init; }

    /// <summary>The KQL type <c>{Name}</c> stands for in a query.</summary>
    public ParameterValueType ValueType => Kind switch
    {
        ParameterKind.TimeRange => ParameterValueType.TimePredicate,
        ParameterKind.Dropdown when MultiSelect => ParameterValueType.StringArray,
        _ => ParameterValueType.String,
    };
}

/// <summary>The KQL meaning of a parameter reference.</summary>
public enum ParameterValueType
{
    /// <summary>A comparison suffix, e.g. <c>&gt; ago(1d)</c>, written after a datetime column.</summary>
    TimePredicate,

    /// <summary>A string expression.</summary>
    String,

    /// <summary>A <c>dynamic</c> array of strings; empty means "no filter".</summary>
    StringArray,
}
