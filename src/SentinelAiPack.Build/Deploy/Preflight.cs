using SentinelAiPack.Azure.Schema;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Build.Deploy;

/// <summary>What the pre-flight found: findings per item, the analytics rules that cannot be created, the schemas read.</summary>
public sealed record PreflightResult(IReadOnlyList<Diagnostic> Findings, IReadOnlySet<string> BlockedKeys, IReadOnlyList<TableSchemaResult> WorkspaceTables)
{
    public int ErrorCount => Findings.Count(f => f.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Asks the workspace (<c>getschema</c>) whether every table and column each item reads exists, before anything is
/// deployed. Tables the deployment itself creates (the custom tables step) count as present with their schema.
/// A missing table or column an analytics rule reads directly is an error and the rule is not deployed (Sentinel
/// rejects it); what a hunting query or parser lacks, or a rule reads only through an optional parser source, is a
/// warning or a note.
/// </summary>
public static class Preflight
{
    /// <summary>Reads the workspace schema of the given tables (one <see cref="TableSchemaResult"/> per name).</summary>
    public delegate Task<IReadOnlyList<TableSchemaResult>> SchemaReader(IReadOnlyList<string> tables, CancellationToken cancellationToken);

    public static async Task<PreflightResult> CheckAsync(
        PackContent content, IReadOnlyList<ArtifactContribution> deployment, SchemaReader readSchemas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(readSchemas);
        var created = deployment.SelectMany(c => c.CreatesTables)
            .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.SelectMany(t => t.Columns.Select(c => c.Name)).ToHashSet(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        var requirements = deployment.Where(c => c.Item is not null).Select(c => RequirementAnalysis.For(content, c.Item!)).ToList();
        var toRead = requirements.SelectMany(r => r.Tables).Select(t => t.Table)
            .Where(t => !created.ContainsKey(t))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        var workspace = toRead.Count == 0 ? [] : await readSchemas(toRead, cancellationToken).ConfigureAwait(false);
        var present = new Dictionary<string, IReadOnlySet<string>>(created, StringComparer.OrdinalIgnoreCase);
        foreach (var table in workspace.Where(t => t.Exists))
        {
            present[table.TableName] = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        }

        var findings = new List<Diagnostic>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            var itemFindings = Check(requirement, present).ToList();
            findings.AddRange(itemFindings);
            if (requirement.Item.Kind == ContentKind.AnalyticRule && itemFindings.Any(f => f.Severity == DiagnosticSeverity.Error))
            {
                blocked.Add(requirement.Item.Key);
            }
        }
        return new PreflightResult(findings, blocked, workspace);
    }

    private static IEnumerable<Diagnostic> Check(ItemRequirements requirement, IReadOnlyDictionary<string, IReadOnlySet<string>> present)
    {
        var item = requirement.Item;
        var isRule = item.Kind == ContentKind.AnalyticRule;
        var span = item.Item.Query?.KeySpan ?? new SourceSpan(1, 1);
        var name = item.Kind == ContentKind.Parser ? item.DisplayName + "()" : $"'{item.DisplayName}'";
        foreach (var table in requirement.Tables)
        {
            var through = table.Via is null ? string.Empty : $" through {table.Via}()";
            if (!present.TryGetValue(table.Table, out var columns))
            {
                if (!table.Optional)
                {
                    var code = isRule ? BuildCodes.MissingTable : BuildCodes.MissingTable with { DefaultSeverity = DiagnosticSeverity.Warning };
                    yield return code.Create(item.Item.FilePath, span, $"{name} reads table {table.Table}{through}, which the workspace does not have.");
                }
                continue;
            }
            var missing = table.Columns.Where(c => !columns.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                var severe = isRule && table.Via is null;
                var code = severe ? BuildCodes.MissingColumn : BuildCodes.MissingColumn with { DefaultSeverity = DiagnosticSeverity.Warning };
                yield return code.Create(item.Item.FilePath, span,
                    $"{name} reads {string.Join(", ", missing.Select(c => table.Table + "." + c))}{through}, which the workspace's {table.Table} does not have.");
            }
        }
        foreach (var group in requirement.Tables.Where(t => t.Optional).GroupBy(t => t.Via ?? item.DisplayName, StringComparer.OrdinalIgnoreCase))
        {
            var absent = group.Where(t => !present.ContainsKey(t.Table)).Select(t => t.Table).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
            if (absent.Count == 0)
            {
                continue;
            }
            if (absent.Count == group.Select(t => t.Table).Distinct(StringComparer.OrdinalIgnoreCase).Count())
            {
                yield return BuildCodes.NoParserSource.Create(item.Item.FilePath, span,
                    $"{name} reads {group.Key}(), but none of its sources exist in the workspace ({string.Join(", ", absent)}); it returns no rows until one is connected.");
            }
            else if (item.Kind == ContentKind.Parser)
            {
                yield return BuildCodes.OptionalSourceMissing.Create(item.Item.FilePath, span,
                    $"{name}: optional sources not in the workspace: {string.Join(", ", absent)}.");
            }
        }
    }
}
