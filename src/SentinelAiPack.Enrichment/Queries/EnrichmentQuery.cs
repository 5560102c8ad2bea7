using System.Reflection;

namespace SentinelAiPack.Enrichment.Queries;

/// <summary>KQL types a query parameter can have; each maps to one <see cref="Azure.LogAnalytics.KqlParameters"/> form.</summary>
public enum QueryParameterType
{
    /// <summary><c>datetime</c>.</summary>
    DateTime,

    /// <summary><c>dynamic</c> array of strings.</summary>
    StringList,

    /// <summary><c>long</c>.</summary>
    Long,

    /// <summary><c>timespan</c>.</summary>
    TimeSpan,
}

/// <summary>A declared parameter of a query: the name the body refers to and its type.</summary>
public sealed record QueryParameter(string Name, QueryParameterType Type)
{
    /// <summary>The KQL type name, for declaring the parameter to the analyzer.</summary>
    public string KqlType => Type switch
    {
        QueryParameterType.DateTime => "datetime",
        QueryParameterType.StringList => "dynamic",
        QueryParameterType.Long => "long",
        QueryParameterType.TimeSpan => "timespan",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, "unknown parameter type"),
    };
}

/// <summary>
/// One enricher query: a body kept in <c>Queries/&lt;Name&gt;.kql</c> (embedded in the assembly) that reads the pack's
/// parsers, and the parameters it declares. Values reach it only through a <c>let</c> prolog built by KqlParameters.
/// </summary>
public sealed record EnrichmentQuery(string Name, string Body, IReadOnlyList<QueryParameter> Parameters)
{
    /// <summary>Loads the body of <c>Queries/<paramref name="name"/>.kql</c>.</summary>
    internal static EnrichmentQuery Load(string name, params QueryParameter[] parameters)
    {
        var resource = $"queries/{name}.kql";
        using var stream = typeof(EnrichmentQuery).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The query resource '{resource}' is missing from {typeof(EnrichmentQuery).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return new EnrichmentQuery(name, reader.ReadToEnd(), parameters);
    }

    /// <summary>The assembly the query files are embedded in.</summary>
    public static Assembly ResourceAssembly => typeof(EnrichmentQuery).Assembly;
}
