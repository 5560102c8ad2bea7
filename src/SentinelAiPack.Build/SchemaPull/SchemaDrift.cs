using SentinelAiPack.Azure.Schema;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Build.SchemaPull;

/// <summary>One difference between the workspace and the pinned schema of a table.</summary>
public enum DriftKind
{
    /// <summary>The workspace has no such table.</summary>
    TableMissing,

    /// <summary>The workspace table has a column the pinned schema lacks.</summary>
    ColumnAdded,

    /// <summary>The pinned schema has a column the workspace table lacks.</summary>
    ColumnRemoved,

    /// <summary>Both have the column with different types.</summary>
    TypeChanged,

    /// <summary>The workspace has the table but nothing pins it.</summary>
    NotPinned,
}

public sealed record DriftFinding(string Table, DriftKind Kind, string? Column, string? PinnedType, string? WorkspaceType, string? PinnedFile)
{
    public string Describe() => Kind switch
    {
        DriftKind.TableMissing => $"{Table}: the workspace has no such table",
        DriftKind.ColumnAdded => $"{Table}: + {Column} ({WorkspaceType}) is in the workspace but not in the pinned schema",
        DriftKind.ColumnRemoved => $"{Table}: - {Column} ({PinnedType}) is pinned but not in the workspace",
        DriftKind.TypeChanged => $"{Table}: ~ {Column} is {PinnedType} in the pinned schema, {WorkspaceType} in the workspace",
        _ => $"{Table}: not pinned; the pulled schema is new",
    };
}

/// <summary>
/// Compares the schemas a workspace reports (<c>getschema</c>) with the pinned ones the validator uses. Types are
/// compared after normalization (<c>String</c> and <c>string</c> are the same); column names exactly, as KQL does.
/// </summary>
public static class SchemaDrift
{
    public static IReadOnlyList<DriftFinding> Compare(IEnumerable<TableSchemaResult> workspace, SchemaSet pinned)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(pinned);
        var findings = new List<DriftFinding>();
        foreach (var table in workspace.OrderBy(t => t.TableName, StringComparer.Ordinal))
        {
            var pin = pinned.FindTable(table.TableName);
            if (!table.Exists)
            {
                findings.Add(new DriftFinding(table.TableName, DriftKind.TableMissing, null, null, null, pin?.SourcePath));
                continue;
            }
            if (pin is null)
            {
                findings.Add(new DriftFinding(table.TableName, DriftKind.NotPinned, null, null, null, null));
                continue;
            }
            var pinnedColumns = pin.Columns.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var workspaceColumns = table.Columns.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var column in table.Columns.Where(c => !pinnedColumns.ContainsKey(c.Name)))
            {
                findings.Add(new DriftFinding(table.TableName, DriftKind.ColumnAdded, column.Name, null, Normalize(column.Type), pin.SourcePath));
            }
            foreach (var column in pin.Columns.Where(c => !workspaceColumns.ContainsKey(c.Name)))
            {
                findings.Add(new DriftFinding(table.TableName, DriftKind.ColumnRemoved, column.Name, Normalize(column.Type), null, pin.SourcePath));
            }
            foreach (var column in table.Columns.Where(c => pinnedColumns.ContainsKey(c.Name)))
            {
                var pinnedType = Normalize(pinnedColumns[column.Name].Type);
                var workspaceType = Normalize(column.Type);
                if (pinnedType != workspaceType)
                {
                    findings.Add(new DriftFinding(table.TableName, DriftKind.TypeChanged, column.Name, pinnedType, workspaceType, pin.SourcePath));
                }
            }
        }
        return findings;
    }

    private static string Normalize(string type) => KustoType.Normalize(type) ?? type.Trim().ToLowerInvariant();
}
