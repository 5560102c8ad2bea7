using SentinelAiPack.Azure.LogAnalytics;

namespace SentinelAiPack.Enrichment.Queries;

/// <summary>
/// Values for one query run, by parameter name. <see cref="ToParameters"/> checks them against the query's declaration
/// (every declared name bound, with the declared type, nothing else) and binds them through <see cref="KqlParameters"/>.
/// </summary>
public sealed class QueryArguments
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    /// <summary>Binds a datetime.</summary>
    public QueryArguments Time(string name, DateTimeOffset value) => Set(name, value);

    /// <summary>Binds a list of strings (empty lists are allowed: <c>x in (list)</c> is then false).</summary>
    public QueryArguments List(string name, IEnumerable<string> values) => Set(name, values.ToArray());

    /// <summary>Binds a long.</summary>
    public QueryArguments Long(string name, long value) => Set(name, value);

    /// <summary>Binds a timespan.</summary>
    public QueryArguments Span(string name, TimeSpan value) => Set(name, value);

    /// <summary>Earliest and latest datetime bound (the API's timespan must cover both).</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? TimeRange
    {
        get
        {
            var times = _values.Values.OfType<DateTimeOffset>().ToList();
            return times.Count == 0 ? null : (times.Min(), times.Max());
        }
    }

    /// <summary>The values as a checked let prolog for <paramref name="query"/>.</summary>
    public KqlParameters ToParameters(EnrichmentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new KqlParameters();
        foreach (var declared in query.Parameters)
        {
            if (!_values.TryGetValue(declared.Name, out var value))
            {
                throw new InvalidOperationException($"Query {query.Name}: parameter '{declared.Name}' is not bound.");
            }

            switch (declared.Type, value)
            {
                case (QueryParameterType.DateTime, DateTimeOffset time):
                    parameters.Add(declared.Name, time);
                    break;
                case (QueryParameterType.StringList, string[] list):
                    parameters.AddStringList(declared.Name, list);
                    break;
                case (QueryParameterType.Long, long number):
                    parameters.Add(declared.Name, number);
                    break;
                case (QueryParameterType.TimeSpan, TimeSpan span):
                    parameters.Add(declared.Name, span);
                    break;
                default:
                    throw new InvalidOperationException($"Query {query.Name}: parameter '{declared.Name}' is declared {declared.KqlType} but bound to a {value.GetType().Name}.");
            }
        }

        var extra = _values.Keys.Except(query.Parameters.Select(p => p.Name), StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw new InvalidOperationException($"Query {query.Name} declares no parameter {string.Join(", ", extra)}.");
        }

        return parameters;
    }

    private QueryArguments Set(string name, object value)
    {
        _values[name] = value;
        return this;
    }
}
