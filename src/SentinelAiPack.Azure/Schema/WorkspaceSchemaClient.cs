using System.Net;
using System.Text.RegularExpressions;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.LogAnalytics;

namespace SentinelAiPack.Azure.Schema;

/// <summary>
/// Reads table schemas from a workspace for deploy pre-flight and <c>aipack schema pull</c> by running
/// <c>['Table'] | getschema</c> through the query API. getschema answers ColumnName, ColumnOrdinal, DataType and
/// ColumnType (the KQL type we return). A missing table is the documented 400 BadArgumentError whose innermost error is
/// SEM0100 "Failed to resolve table … named 'X'"; every other failure is thrown.
/// </summary>
public sealed partial class WorkspaceSchemaClient
{
    private readonly LogAnalyticsQueryClient _queries;

    /// <summary>Uses <paramref name="queries"/> (and its credential, options and resilience).</summary>
    public WorkspaceSchemaClient(LogAnalyticsQueryClient queries)
    {
        _queries = queries;
    }

    /// <summary>Schema of one table.</summary>
    /// <exception cref="ArgumentException">The name is not a plain table name.</exception>
    public async Task<TableSchemaResult> GetTableSchemaAsync(string workspaceId, string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableName().IsMatch(tableName))
        {
            throw new ArgumentException($"'{tableName}' is not a table name (letters, digits, _; starting with a letter or _).", nameof(tableName));
        }

        LogQueryResult result;
        try
        {
            result = await _queries.QueryAsync(workspaceId, $"['{tableName}'] | getschema", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AzureApiException ex) when (IsMissingTable(ex))
        {
            return TableSchemaResult.Missing(tableName);
        }

        var table = result.PrimaryTable;
        if (table.IndexOf("ColumnName") < 0 || table.IndexOf("ColumnType") < 0)
        {
            throw new AzureResponseFormatException("Log Analytics getschema", HttpStatusCode.OK, "the answer has no ColumnName/ColumnType columns");
        }

        var columns = table.Rows
            .Select(r => new LogColumn(r.GetString("ColumnName") ?? string.Empty, r.GetString("ColumnType") ?? "dynamic"))
            .ToList();
        return new TableSchemaResult(tableName, true, columns);
    }

    /// <summary>Schemas of several tables, one query each, in the order given.</summary>
    public async Task<IReadOnlyList<TableSchemaResult>> GetTableSchemasAsync(string workspaceId, IEnumerable<string> tableNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableNames);
        var results = new List<TableSchemaResult>();
        foreach (var name in tableNames.Distinct(StringComparer.Ordinal))
        {
            results.Add(await GetTableSchemaAsync(workspaceId, name, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private static bool IsMissingTable(AzureApiException ex) =>
        ex.StatusCode == HttpStatusCode.BadRequest
        && ex.Error is { } error
        && error.Flatten().Any(e =>
            string.Equals(e.Code, "SEM0100", StringComparison.OrdinalIgnoreCase)
            || (e.Message?.Contains("Failed to resolve table", StringComparison.OrdinalIgnoreCase) ?? false));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
