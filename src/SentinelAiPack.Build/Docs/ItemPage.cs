using SentinelAiPack.Build.Json;
using System.Globalization;
using System.Text;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Build.Docs;

/// <summary>
/// The page of one analytics rule or hunting query: what it detects, severity and why, the data it needs and how to
/// switch it on, the analyst's triage questions and escalation criteria, false positives and tuning, ATT&amp;CK / ATLAS /
/// OWASP mappings, a sample alert from its test file, and the query.
/// </summary>
public static class ItemPage
{
    public static string RelativePath(PackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var folder = item.Kind == ContentKind.AnalyticRule ? "analytics" : "hunting";
        return $"{folder}/{ArtifactFile.SafeName(item.AlertTypeFolder)}/{ArtifactFile.SafeName(item.Stem)}.md";
    }

    public static string Render(PackContent content, PackItem item, SampleOutput? output = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(item);
        var template = item.Template!;
        var pack = template.AiPack;
        var page = new StringBuilder();
        page.Append("# ").Append(Markdown.Text(item.DisplayName)).Append("\n\n");
        page.Append(Markdown.Table(["Property", "Value"], Summary(item))).Append('\n');

        Section(page, "What it detects", Markdown.Text(template.Description?.Value.Trim()));
        if (item.Kind == ContentKind.AnalyticRule)
        {
            var severity = TemplateValues.Severity(template.Severity?.Value) ?? template.Severity?.Value ?? "(none)";
            Section(page, "Severity", $"**{Markdown.Text(severity)}**" +
                (pack?.SeverityRationale is { } rationale ? ": " + Markdown.Text(rationale.Value.Trim()) : string.Empty));
        }
        Section(page, "Data it needs", DataSection(content, item));
        Section(page, "Triage questions", List(pack?.Triage));
        Section(page, "Escalate when", List(pack?.Escalation));
        Section(page, "False positives", List(pack?.FalsePositives));
        Section(page, "Tuning", List(pack?.Tuning));
        Section(page, "Mappings", Mappings(template));
        if (item.Kind == ContentKind.AnalyticRule)
        {
            Section(page, "Alert", AlertSection(template));
        }
        Section(page, item.Kind == ContentKind.AnalyticRule ? "Sample alert" : "Sample result", SampleSection(content, item, output));
        Section(page, "Query", Markdown.Fence("kusto", item.QueryText));
        return page.ToString().TrimEnd('\n') + "\n";
    }

    private static IEnumerable<IReadOnlyList<string>> Summary(PackItem item)
    {
        var template = item.Template!;
        var kind = item.Kind == ContentKind.AnalyticRule
            ? (template as AnalyticRule)?.RuleKind switch
            {
                AnalyticRuleKind.NRT => "Near-real-time analytics rule (runs every minute)",
                AnalyticRuleKind.Scheduled => $"Scheduled analytics rule, every {template.QueryFrequency?.Value.Trim()} over the last {template.QueryPeriod?.Value.Trim()}",
                _ => "Analytics rule",
            }
            : "Hunting query";
        yield return ["Kind", Markdown.Cell(kind)];
        yield return ["Alert type", Markdown.Cell(DataReads.AlertType(item))];
        yield return ["Version", Markdown.Cell(item.Version)];
        yield return ["Id", Markdown.Code(item.Key)];
        yield return ["File", Markdown.Code(Path.GetFileName(item.Item.FilePath))];
    }

    private static string DataSection(PackContent content, PackItem item)
    {
        var text = new StringBuilder();
        var requirements = item.Template?.AiPack?.DataRequirements ?? [];
        if (requirements.Count > 0)
        {
            text.Append(List(requirements)).Append('\n');
        }
        var byParser = DataReads.TablesByParser(item);
        var direct = (item.Analysis?.Tables ?? []).Where(t => t.Via is null).Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        foreach (var (parser, tables) in byParser)
        {
            text.Append("- Reads ").Append(Markdown.Code(parser + "()"))
                .Append(content.FindParser(parser) is not null ? " (pack parser; any one of its sources is enough): " : ": ")
                .Append(string.Join(", ", tables.Select(Markdown.Code))).Append('\n');
        }
        if (direct.Count > 0)
        {
            text.Append("- Reads tables directly: ").Append(string.Join(", ", direct.Select(Markdown.Code))).Append('\n');
        }
        var guide = DataSourceGuide.For(DataReads.AllTables(item));
        if (guide.Count > 0)
        {
            text.Append("\nHow to switch the data on:\n\n");
            foreach (var (source, howTo, tables) in guide)
            {
                text.Append("- **").Append(Markdown.Text(source)).Append("** (").Append(string.Join(", ", tables.Select(Markdown.Code))).Append("): ")
                    .Append(Markdown.Text(howTo)).Append('\n');
            }
        }
        return text.Length == 0 ? "_Not documented._" : text.ToString().TrimEnd('\n');
    }

    private static string Mappings(DetectionTemplate template)
    {
        var pack = template.AiPack;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "ATT&amp;CK tactics", Join(TemplateValues.Tactics(template).Select(Markdown.Text)) },
            new[] { "ATT&amp;CK techniques", Join(TemplateValues.AllTechniques(template).Select(Links.Attack)) },
            new[] { "MITRE ATLAS", Join((pack?.Atlas ?? []).Select(a => Links.Atlas(a.Value))) },
            new[] { "OWASP LLM Top 10 (2025)", Join((pack?.Owasp ?? []).Select(o => Markdown.Text(o.Value.Trim()))) },
        };
        return Markdown.Table(["Framework", "Ids"], rows).TrimEnd('\n');
    }

    private static string AlertSection(DetectionTemplate template)
    {
        var text = new StringBuilder();
        if (template.AlertDetailsOverride?.AlertDisplayNameFormat is { } title)
        {
            text.Append("- Title: ").Append(Markdown.Code(title.Value.Trim())).Append('\n');
        }
        if (template.AlertDetailsOverride?.AlertDescriptionFormat is { } description)
        {
            text.Append("- Description: ").Append(Markdown.Code(description.Value.Trim())).Append('\n');
        }
        foreach (var mapping in template.EntityMappings?.Value ?? [])
        {
            text.Append("- Entity ").Append(Markdown.Text(mapping.EntityType?.Value.Trim())).Append(": ")
                .Append(string.Join(", ", (mapping.FieldMappings?.Value ?? []).Select(f => $"{Markdown.Text(f.Identifier?.Value.Trim())} = {Markdown.Code(f.ColumnName?.Value.Trim())}")))
                .Append('\n');
        }
        if (template.CustomDetails?.Value is { Count: > 0 } details)
        {
            text.Append("- Custom details: ").Append(string.Join(", ", details.Select(d => $"{Markdown.Text(d.Key.Value.Trim())} = {Markdown.Code(d.Column?.Value.Trim())}"))).Append('\n');
        }
        var grouping = template.IncidentConfiguration?.GroupingConfiguration;
        if (grouping?.Enabled?.Value == true)
        {
            var by = (grouping.GroupByEntities?.Value ?? []).Concat(grouping.GroupByCustomDetails?.Value ?? []).Concat(grouping.GroupByAlertDetails?.Value ?? []).Select(v => v.Value.Trim());
            text.Append("- Incidents: alerts grouped (").Append(Markdown.Text(grouping.MatchingMethod?.Value.Trim())).Append(") by ")
                .Append(Markdown.Text(string.Join(", ", by))).Append(" within ").Append(Markdown.Text(grouping.LookbackDuration?.Value.Trim())).Append('\n');
        }
        return text.Length == 0 ? "_Default alert: the rule name, no entities._" : text.ToString().TrimEnd('\n');
    }

    private static string SampleSection(PackContent content, PackItem item, SampleOutput? output)
    {
        var sample = SampleAlert.Read(content.Content.FindSampleFile(item.Item));
        if (sample is null)
        {
            return "_No firing test case._";
        }
        var text = new StringBuilder();
        text.Append("From the test case ").Append(Markdown.Code(sample.CaseName)).Append(" in ")
            .Append(Markdown.Code(item.Stem + ".tests.yaml")).Append(".\n\n");
        var row = output is { Failure: null, RowCount: > 0 } ? output.FirstRow : null;
        if (item.Template?.AlertDetailsOverride?.AlertDisplayNameFormat is { } title)
        {
            var filled = row is null ? sample.FillPlaceholders(title.Value.Trim()) : SampleAlert.Fill(title.Value.Trim(), row);
            text.Append("Alert title: ").Append(Markdown.Code(filled)).Append("\n\n");
        }
        if (output is { Failure: { } failure })
        {
            text.Append("The local engine could not run the query on these events: ").Append(Markdown.Text(failure)).Append("\n\n");
        }
        else if (output is not null)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"Run on these events by the local engine, the query returns {output.RowCount} row(s)"))
                .Append(row is null ? ".\n\n" : "; the first:\n\n");
            if (row is not null)
            {
                text.Append(Markdown.Table(["Column", "Value"], row.Select(c => (IReadOnlyList<string>)[Markdown.Code(c.Column), Markdown.Cell(c.Value)]))).Append('\n');
            }
        }
        if (row is null && sample.ExpectedColumns.Count > 0)
        {
            text.Append("Values the alert carries (as the test expects them):\n\n");
            text.Append(Markdown.Table(["Column", "Value"], sample.ExpectedColumns.Select(c => (IReadOnlyList<string>)[Markdown.Code(c.Column), Markdown.Cell(c.Value)]))).Append('\n');
        }
        foreach (var table in sample.Tables)
        {
            text.Append("Events in ").Append(Markdown.Code(table.Name)).Append(" (")
                .Append(table.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" row(s)):\n\n");
            text.Append(Markdown.Table([.. table.Columns.Select(Markdown.Cell)],
                table.Rows.Select(row => (IReadOnlyList<string>)[.. table.Columns.Select(c => Markdown.Cell(row.GetValueOrDefault(c)))]))).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    private static void Section(StringBuilder page, string title, string body) =>
        page.Append("## ").Append(title).Append("\n\n").Append(body.TrimEnd('\n')).Append("\n\n");

    private static string List(IReadOnlyList<Located<string>>? items) =>
        items is { Count: > 0 } ? string.Join('\n', items.Select(i => "- " + Markdown.Text(i.Value.Trim()).Replace("\n", " ", StringComparison.Ordinal))) : "_Not documented._";

    private static string Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "-" : string.Join(", ", list);
    }
}
