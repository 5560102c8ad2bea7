using System.Globalization;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Validation.Kql;

/// <summary>
/// Sends every query of a content set to the analyzer in one batch: rule and hunting queries as queries, parser
/// bodies on their own with their parameters declared (errors inside a function are not reported at call sites).
/// </summary>
public static class QueryAnalysisRunner
{
    public static async Task<IReadOnlyList<AnalyzedItem>> AnalyzeAsync(
        ContentSet content, SchemaSet schemas, IKqlAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var pending = new List<(ContentItem Item, QueryText Query)>();
        var requests = new List<KqlRequest>();
        foreach (var item in content.Items)
        {
            if (item.Query is not { } query || string.IsNullOrWhiteSpace(query.Text))
            {
                continue;
            }
            var id = requests.Count.ToString(CultureInfo.InvariantCulture);
            requests.Add(item is ParserFunction parser
                ? KqlRequest.ForFunctionBody(id, query.Text, parser.Parameters.Select(p => p.ToFunctionParameter()).OfType<FunctionParameter>().ToList())
                : new KqlRequest(id, query.Text));
            pending.Add((item, query));
        }
        var analyses = await analyzer.AnalyzeAsync(requests, schemas, cancellationToken).ConfigureAwait(false);
        return pending.Select((p, i) => new AnalyzedItem(p.Item, p.Query, analyses[i])).ToList();
    }
}
