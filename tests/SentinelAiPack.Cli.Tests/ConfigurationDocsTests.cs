using System.Text.RegularExpressions;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Settings;
using SentinelAiPack.TestSupport.Repository;
using YamlDotNet.RepresentationModel;

namespace SentinelAiPack.Cli.Tests;

/// <summary>
/// docs/configuration.md describes every aipack.yaml key: the keys of its tables are exactly the keys of the commented
/// aipack.yaml <c>aipack init</c> writes, and that file with every example uncommented loads without a finding (no key
/// the loader does not know, no value it refuses).
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    private string _root = null!;

    [SetUp]
    public void Copy()
    {
        _root = Path.Combine(Path.GetTempPath(), "aipack-config-docs-" + Guid.NewGuid().ToString("N"));
        CustomerRepositoryTests.CopyFolder(RepositoryPaths.CustomerRepository, _root);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Every_key_init_writes_is_documented_accepted_and_nothing_else_is_documented()
    {
        var template = SettingsFileTemplate.For(ContentLayout.Discover(_root)!);
        var uncommented = string.Join('\n', template.Split('\n').Select(l => CommentedKey().Match(l) is { Success: true } m ? m.Groups[1].Value : l));
        var path = Path.Combine(_root, ContentSettings.FileName);
        File.WriteAllText(path, uncommented);
        var bag = new DiagnosticBag(path);
        SettingsLoader.Load(path, bag);

        var stream = new YamlStream();
        stream.Load(new StringReader(uncommented));
        var keys = Keys((YamlMappingNode)stream.Documents.Single().RootNode).ToList();
        var documented = DocumentedKey().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "configuration.md"))).Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bag.Items, Is.Empty, "the uncommented template:\n" + uncommented);
            Assert.That(keys, Does.Contain("extraConnectorIds").And.Contain("maxFileSize").And.Contain("support.email"), "the examples were uncommented");
            Assert.That(keys, Is.EquivalentTo(documented), "keys of aipack init's file vs the key tables of docs/configuration.md");
        });
    }

    // Top-level keys by name; the solution block's keys by theirs, its support block's as support.<key> (as the docs name them).
    private static IEnumerable<string> Keys(YamlMappingNode root)
    {
        foreach (var (key, value) in root.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            yield return name;
            if (name != "solution")
            {
                continue;
            }
            foreach (var (solutionKey, solutionValue) in ((YamlMappingNode)value).Children)
            {
                var solutionName = ((YamlScalarNode)solutionKey).Value!;
                if (solutionName != "support")
                {
                    yield return solutionName;
                    continue;
                }
                foreach (var supportKey in ((YamlMappingNode)solutionValue).Children.Keys)
                {
                    yield return "support." + ((YamlScalarNode)supportKey).Value;
                }
            }
        }
    }

    // "# key: value" or "#   key: value" (a commented example), not "# Prose that explains it".
    [GeneratedRegex(@"^# ?(\s*[A-Za-z]+:( .*)?)$")]
    private static partial Regex CommentedKey();

    // The first cell of a row of a key table: | `key` | ...
    [GeneratedRegex(@"^\| `([A-Za-z.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedKey();
}
