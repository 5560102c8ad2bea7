using System.Text;
using System.Text.RegularExpressions;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Workbooks.Queries;

/// <summary>One analytics rule of the pack as workbooks see it.</summary>
public sealed record CatalogRule(string Id, string Name, string AlertType, string Severity);

/// <summary>
/// The pack's analytics rules, for workbooks that attribute Sentinel alerts and incidents to alert types. A tile query
/// that names the table <c>AIPackRules</c> gets it prepended as a <c>datatable</c> (columns RuleId, RuleName,
/// AlertType, Severity), generated from the content so it never drifts from the rules actually shipped.
/// </summary>
public sealed partial class RuleCatalog(IReadOnlyList<CatalogRule> rules)
{
    public const string TableName = "AIPackRules";

    public static RuleCatalog Empty { get; } = new([]);

    public IReadOnlyList<CatalogRule> Rules { get; } = rules;

    /// <summary>The analytics rules of <paramref name="content"/> that carry an <c>aipack.alertType</c>, ordered by id.</summary>
    public static RuleCatalog FromContent(ContentSet content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rules = content.Items.OfType<AnalyticRule>()
            .Where(r => r.Id is not null && r.AiPack?.AlertType is not null)
            .Select(r => new CatalogRule(r.Id!.Value.ToLowerInvariant(), r.Name?.Value ?? string.Empty, r.AiPack!.AlertType!.Value, r.Severity?.Value ?? string.Empty))
            .DistinctBy(r => r.Id)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return new RuleCatalog(rules);
    }

    /// <summary>The <c>let</c> statement to put before <paramref name="query"/>, or "" when it does not use the catalog.</summary>
    public string PreludeFor(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!UsesCatalog().IsMatch(query))
        {
            return string.Empty;
        }
        var builder = new StringBuilder();
        builder.Append("let ").Append(TableName).Append(" = datatable(RuleId:string, RuleName:string, AlertType:string, Severity:string)[");
        for (var i = 0; i < Rules.Count; i++)
        {
            var r = Rules[i];
            builder.Append(i == 0 ? "\n    " : ",\n    ")
                .Append(KqlLiteral.String(r.Id)).Append(", ").Append(KqlLiteral.String(r.Name)).Append(", ")
                .Append(KqlLiteral.String(r.AlertType)).Append(", ").Append(KqlLiteral.String(r.Severity));
        }
        builder.Append(Rules.Count > 0 ? "\n];\n" : "];\n");
        return builder.ToString();
    }

    [GeneratedRegex(@"\bAIPackRules\b")]
    private static partial Regex UsesCatalog();
}
