using System.Text.Json;
using System.Text.RegularExpressions;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Content.Tests.Pack;

/// <summary>
/// No log carries a model artifact hash, and the inventory collector computes none: it copies the SHA-256 values the
/// MLOps pipeline recorded at registration and on the deployment. The hash rules therefore compare two self-reported
/// values, and the content must say so instead of claiming the pack hashes what is served; writes to the storage the
/// artifacts live in are watched separately.
/// </summary>
public partial class ModelIntegrityClaimsTests
{
    private static IEnumerable<string> ContentFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Detections, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal) && !f.EndsWith("aipack.lock.json", StringComparison.Ordinal))
            .Append(Path.Combine(RepositoryPaths.Docs, "data-model.md"))
            .Append(Path.Combine(RepositoryPaths.Docs, "enrichers.md"));

    [Test]
    public void Nothing_claims_the_pack_hashes_the_deployed_artifact()
    {
        var claims = ContentFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => HashingClaim().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryPaths.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.That(claims, Is.Empty);
    }

    [Test]
    public void Inventory_hash_columns_name_who_recorded_the_value()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "AIModelInventory_CL.json")));
        var columns = schema.RootElement.GetProperty("Properties").EnumerateArray()
            .ToDictionary(c => c.GetProperty("Name").GetString()!, c => c.GetProperty("Source").GetString()!);

        Assert.That(columns["DeployedSha256"], Does.Contain("self-reported").IgnoreCase);
        Assert.That(columns["RegisteredSha256"], Does.Contain("self-reported").IgnoreCase);
    }

    [TestCase("DeployedModelHashMismatch")]
    [TestCase("ModelRegisteredWithoutIntegrityRecord")]
    public void Hash_rules_say_they_compare_self_reported_values(string stem)
    {
        var rule = PackRules.Rule(stem);

        Assert.That(rule.Description!.Value, Does.Contain("self-reported").IgnoreCase);
    }

    [Test]
    public void A_rule_watches_writes_to_model_artifact_storage()
    {
        var readers = PackRules.Rules.Where(r => r.Query!.Text.Contains("AIModelArtifactWrites(", StringComparison.Ordinal))
            .Select(r => Path.GetFileNameWithoutExtension(r.FilePath));

        Assert.That(readers, Is.Not.Empty);
    }

    /// <summary>"hashes the deployed artifact", "hashing the served model", "computes the artifact's hash".</summary>
    [GeneratedRegex(@"(?i)\b(hashes|hashing|computes? the hash of)\s+(the\s+)?(deployed|served)\s+(artifact|model|weights)")]
    private static partial Regex HashingClaim();
}
