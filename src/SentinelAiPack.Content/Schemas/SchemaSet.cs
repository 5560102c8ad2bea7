using System.Security.Cryptography;
using System.Text;

namespace SentinelAiPack.Content.Schemas;

/// <summary>
/// The tables and functions a query is analyzed against. Later sources override earlier ones by name
/// (case-insensitive), so a user's --schemas folder can replace a pinned table.
/// </summary>
public sealed class SchemaSet
{
    private readonly Dictionary<string, TableSchema> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FunctionSchema> _functions = new(StringComparer.OrdinalIgnoreCase);
    private string? _fingerprint;

    public IReadOnlyCollection<TableSchema> Tables => _tables.Values;

    public IReadOnlyCollection<FunctionSchema> Functions => _functions.Values;

    /// <summary>
    /// Adds <paramref name="table"/>, replacing one of the same name. A standard table (see <see cref="IsStandardTable"/>)
    /// is merged instead: the new definition wins for every column it lists and the reference's other columns stay,
    /// because a workspace has every column of a standard table and schema files that omit some are merely out of date.
    /// </summary>
    public void AddOrReplace(TableSchema table)
    {
        if (_standardTables.Contains(table.Name) && _tables.TryGetValue(table.Name, out var known))
        {
            var listed = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var kept = known.Columns.Where(c => !listed.Contains(c.Name)).ToList();
            if (kept.Count > 0)
            {
                table = table with { Columns = [.. table.Columns, .. kept] };
            }
        }
        _tables[table.Name] = table;
        _fingerprint = null;
    }

    public void AddOrReplace(FunctionSchema function)
    {
        _functions[function.Name] = function;
        _fingerprint = null;
    }

    public TableSchema? FindTable(string name) => _tables.GetValueOrDefault(name);

    private readonly HashSet<string> _standardTables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True when <paramref name="name"/> is a table of Microsoft's published references (the standard-table catalogue),
    /// whichever source defines its columns now; schema folders also hold stand-ins for parser functions.
    /// </summary>
    public bool IsStandardTable(string name) => _standardTables.Contains(name);

    internal void MarkStandard(string name) => _standardTables.Add(name);

    public FunctionSchema? FindFunction(string name) => _functions.GetValueOrDefault(name);

    /// <summary>A content hash of every table and function, used as the key of the analyzer's schema registration and of result caches.</summary>
    public string Fingerprint => _fingerprint ??= ComputeFingerprint();

    private string ComputeFingerprint()
    {
        var text = new StringBuilder();
        foreach (var table in _tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.Append("T|").Append(table.Name);
            foreach (var column in table.Columns)
            {
                text.Append('|').Append(column.Name).Append(':').Append(column.Type);
            }
            text.Append('\n');
        }
        foreach (var function in _functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append("F|").Append(function.Name).Append('|').Append(function.IsOpenOutput);
            foreach (var p in function.Parameters)
            {
                text.Append('|').Append(p.Name).Append(':').Append(p.Type).Append(p.IsOptional ? "?" : "").Append('=').Append(p.DefaultValue);
            }
            text.Append("|body=").Append(function.Body);
            foreach (var column in function.OutputColumns ?? [])
            {
                text.Append("|out=").Append(column.Name).Append(':').Append(column.Type);
            }
            text.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
    }
}
