namespace SentinelAiPack.Content.Loading;

/// <summary>
/// A <c>&lt;item&gt;.tests.yaml</c> sample-events file found next to content. The loader only lists it (its format
/// belongs to the test runner); <see cref="ItemStem"/> is the file name of the item it tests, without extension.
/// </summary>
public sealed record SampleTestFile(string FilePath, string ItemStem)
{
    public static readonly string[] Suffixes = [".tests.yaml", ".tests.yml"];

    public static bool IsSampleFile(string path) =>
        Suffixes.Any(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    public static SampleTestFile FromPath(string path)
    {
        var name = Path.GetFileName(path);
        var suffix = Suffixes.First(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        return new SampleTestFile(path, name[..^suffix.Length]);
    }
}
