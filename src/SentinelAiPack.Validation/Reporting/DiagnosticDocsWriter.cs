using System.Text;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// Renders <c>docs/diagnostics.md</c> from the descriptor catalogs, so the list of codes users see in their CI
/// cannot drift from what the tool reports. Each code gets an anchor matching <see cref="DiagnosticDescriptor.HelpAnchor"/>.
/// </summary>
public static class DiagnosticDocsWriter
{
    private static readonly (string Prefix, string Heading, string Intro)[] Areas =
    [
        ("SAP1", "Template constraints (SAP1xxx)", "What the Sentinel API and the Azure-Sentinel repository enforce on rule and hunting-query templates."),
        ("SAP2", "KQL analyzer (SAP2xxx)", "Errors and warnings of Microsoft's official KQL analyzer, positioned in the YAML file; the Kusto code is kept as the source."),
        ("SAP3", "Cross-checks (SAP3xxx)", "Names against the schemas, and what mappings and connectors declare against what the query really outputs and reads."),
        ("SAP4", "Best practices (SAP4xxx)", "Kusto.Language's analyzers as warnings (KS5nn becomes SAP45nn). Suppress one per item under `aipack.suppressions` with a written justification."),
        ("SAP5", "Input files (SAP5xxx)", "Content, schema and settings files that cannot be read as they should."),
        ("SAP6", "Rule tests and local engine (SAP6xxx)", "`aipack test`, `aipack run` and the local KQL engine."),
        ("SAP7", "Workbooks (SAP7xxx)", "Workbook specs and their tile queries."),
        ("SAP8", "Build, lock and deploy (SAP8xxx)", "`aipack build`, the version lock and `aipack deploy`."),
    ];

    /// <summary>The heading and introduction of the area a code belongs to (the page section), or null for an unknown prefix.</summary>
    public static (string Heading, string Intro)? AreaOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Areas.Where(a => code.StartsWith(a.Prefix, StringComparison.Ordinal)).Select(a => ((string, string)?)(a.Heading, a.Intro)).FirstOrDefault();
    }

    public static string Render(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var byCode = descriptors
            .GroupBy(d => d.Code, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        text.Append("# Diagnostics\n\n");
        text.Append("Every finding of `aipack` has a stable code. Errors fail a run (exit code 1); warnings fail it only with\n");
        text.Append("`--warnings-as-errors`. This page is generated from the tool's catalogs (a test keeps it in sync).\n");
        foreach (var (prefix, heading, intro) in Areas)
        {
            var codes = byCode.Where(d => d.Code.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (codes.Count == 0)
            {
                continue;
            }
            text.Append("\n## ").Append(heading).Append("\n\n").Append(intro).Append("\n\n");
            text.Append("| Code | Default | Meaning |\n|---|---|---|\n");
            foreach (var d in codes)
            {
                var anchor = d.HelpAnchor[(d.HelpAnchor.IndexOf('#', StringComparison.Ordinal) + 1)..];
                text.Append("| <a id=\"").Append(anchor).Append("\"></a>").Append(d.Code)
                    .Append(" | ").Append(d.DefaultSeverity.ToString().ToLowerInvariant())
                    .Append(" | ").Append(d.Title.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }
        }
        AppendSeverityPolicy(text);
        return text.ToString();
    }

    private static void AppendSeverityPolicy(StringBuilder text)
    {
        text.Append("\n## Severity per item kind\n\n");
        text.Append("A finding has its code's default severity on every kind of item (analytics rule, hunting query, parser),\n");
        text.Append("except where Sentinel itself does not enforce the constraint on that kind: there it is a warning, and its\n");
        text.Append("message says why. Strictness that Sentinel enforces nowhere is a warning by default (SAP3020: Sentinel shows\n");
        text.Append("`requiredDataConnectors` in the portal but does not check it against the query; SAP5022: a schema column of an\n");
        text.Append("unknown type is kept as `dynamic`).\n\n");
        text.Append("SAP2003 is a warning when the analyzer ran out of time (10 s, then 60 s on a second try): the query was not\n");
        text.Append("checked, which says nothing about it (a loaded machine can cause it), no other finding is derived from it and\n");
        text.Append("the result is not cached; any other failure of the analyzer on a query stays an error.\n\n");
        text.Append("| Code | Analytics rule | Hunting query | Parser | Why |\n|---|---|---|---|---|\n");
        foreach (var rule in SeverityPolicy.Rules)
        {
            var descriptor = DiagnosticCatalog.Find(rule.Code);
            var byDefault = descriptor?.DefaultSeverity.ToString().ToLowerInvariant() ?? "error";
            string For(ContentKind kind) => rule.Kinds.Contains(kind) ? "warning" : byDefault;
            text.Append("| ").Append(rule.Code).Append(" | ").Append(For(ContentKind.AnalyticRule)).Append(" | ").Append(For(ContentKind.HuntingQuery))
                .Append(" | ").Append(For(ContentKind.Parser)).Append(" | ").Append(rule.Reason).Append(" |\n");
        }
    }
}
