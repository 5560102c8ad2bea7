using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Solution;

/// <summary>
/// The <c>solution/</c> folder: <c>mainTemplate.json</c>, <c>createUiDefinition.json</c> and
/// <c>&lt;version&gt;.zip</c> holding both, the form Partner Center takes for a Content Hub solution.
/// </summary>
public static class SolutionPackage
{
    public const string Folder = "solution";
    public const string MainTemplateFile = "mainTemplate.json";
    public const string CreateUiDefinitionFile = "createUiDefinition.json";

    public static IEnumerable<ArtifactFile> Files(SolutionOptions options, IReadOnlyList<ArtifactContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(options);
        var main = ArtifactFile.Json($"{Folder}/{MainTemplateFile}", MainTemplate.Create(options, contributions));
        var ui = ArtifactFile.Json($"{Folder}/{CreateUiDefinitionFile}", CreateUiDefinition.Create(options, contributions));
        var zip = DeterministicZip.Create([(MainTemplateFile, main.Bytes), (CreateUiDefinitionFile, ui.Bytes)]);
        return [main, ui, new ArtifactFile($"{Folder}/{options.Version}.zip", zip)];
    }
}
