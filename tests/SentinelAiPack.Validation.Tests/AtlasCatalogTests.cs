using SentinelAiPack.Validation.Templates.Data;
using YamlDotNet.RepresentationModel;

namespace SentinelAiPack.Validation.Tests;

/// <summary>
/// The embedded ATLAS catalogue is the pinned release's technique list. With AIPACK_ATLAS_YAML set to a copy of
/// mitre-atlas/atlas-data's dist/ATLAS.yaml of that release, it is compared with the source id by id.
/// </summary>
public class AtlasCatalogTests
{
    [TestCase("AML.T0051.001", "Indirect")]
    [TestCase("AML.T0034", "Cost Harvesting")]
    [TestCase("aml.t0024.002", "Extract AI Model")]
    [TestCase("AML.T0077", "LLM Response Rendering")]
    [TestCase("AML.T0110", "AI Agent Tool Poisoning")]
    public void Known_techniques_have_their_atlas_names(string id, string name) =>
        Assert.That(AtlasTechniqueCatalog.NameOf(id), Is.EqualTo(name));

    [Test]
    public void The_catalogue_is_pinned_and_holds_only_technique_ids()
    {
        Assert.That(AtlasTechniqueCatalog.AtlasVersion, Is.EqualTo("5.6.0"));
        Assert.That(AtlasTechniqueCatalog.DataRelease, Is.EqualTo("v5.6.1"));
        Assert.That(AtlasTechniqueCatalog.TechniqueIds, Has.Count.GreaterThan(150));
        Assert.That(AtlasTechniqueCatalog.TechniqueIds, Has.All.Match(@"^AML\.T\d{4}(\.\d{3})?$"));
        Assert.That(AtlasTechniqueCatalog.NameOf("AML.TA0005"), Is.Null);
    }

    [Test]
    public void The_catalogue_equals_the_techniques_of_the_release_atlas_yaml()
    {
        var path = Environment.GetEnvironmentVariable("AIPACK_ATLAS_YAML");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            Assert.Ignore("AIPACK_ATLAS_YAML is not set to a copy of atlas-data's dist/ATLAS.yaml.");
        }
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var matrix = (YamlMappingNode)((YamlSequenceNode)root["matrices"])[0];
        var techniques = ((YamlSequenceNode)matrix["techniques"]).Cast<YamlMappingNode>()
            .ToDictionary(t => ((YamlScalarNode)t["id"]).Value!, t => ((YamlScalarNode)t["name"]).Value!);

        Assert.That(((YamlScalarNode)root["version"]).Value, Is.EqualTo(AtlasTechniqueCatalog.AtlasVersion));
        Assert.That(AtlasTechniqueCatalog.TechniqueIds, Is.EquivalentTo(techniques.Keys));
        Assert.That(techniques.Where(t => AtlasTechniqueCatalog.NameOf(t.Key) != t.Value).Select(t => t.Key), Is.Empty);
    }
}
