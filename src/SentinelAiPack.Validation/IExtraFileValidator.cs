using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Validation;

/// <summary>
/// Validates files that are not rules, hunting queries or parsers (e.g. workbook specs) in the same `aipack validate`
/// run. It claims files by name; claimed files are not given to the content loader, and are checked against the run's
/// content and schemas after the rules.
/// </summary>
public interface IExtraFileValidator
{
    bool Claims(string filePath);

    Task<IReadOnlyList<Diagnostic>> ValidateAsync(IReadOnlyList<string> files, ContentSet content, SchemaSet schemas, ValidationInput input, CancellationToken cancellationToken);
}
