using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;
using SentinelAiPack.Validation;
using SentinelAiPack.Workbooks.Loading;
using SentinelAiPack.Workbooks.Queries;

namespace SentinelAiPack.Workbooks.Checks;

/// <summary>Plugs workbook specs (<c>*.workbook.yaml</c>) into `aipack validate`.</summary>
public sealed class WorkbookFileValidator(IKqlAnalyzer analyzer) : IExtraFileValidator
{
    public bool Claims(string filePath) => WorkbookFiles.IsSpecFile(filePath);

    public async Task<IReadOnlyList<Diagnostic>> ValidateAsync(
        IReadOnlyList<string> files, ContentSet content, SchemaSet schemas, ValidationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await new WorkbookValidator(analyzer)
            .ValidateAsync(files, schemas, RuleCatalog.FromContent(content), LoadOptions.For(input.Settings), cancellationToken)
            .ConfigureAwait(false);
        return result.Diagnostics;
    }
}
