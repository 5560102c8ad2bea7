using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Content.Tests;

public class SettingsTests
{
    [Test]
    public void Settings_resolve_paths_against_their_folder()
    {
        using var folder = new TempFolder();
        folder.Write("detections/schemas/T.json", "{}");
        folder.Write("detections/connector-ids.json", """["A", "B"]""");
        var path = folder.Write("aipack.yaml", """
            schemaFolders: [detections/schemas]
            contentFolders: [detections]
            connectorIdsFile: detections/connector-ids.json
            extraConnectorIds: [MyConnector]
            maxFileSize: 2MB
            """);
        var bag = new DiagnosticBag(path);

        var settings = SettingsLoader.Load(path, bag);

        Assert.That(bag.Items, Is.Empty);
        Assert.That(settings.SchemaFolders.Single(), Is.EqualTo(Path.Combine(folder.Path, "detections", "schemas")));
        Assert.That(settings.ContentFolders.Single(), Is.EqualTo(Path.Combine(folder.Path, "detections")));
        Assert.That(settings.ExtraConnectorIds, Is.EqualTo(new[] { "MyConnector" }));
        Assert.That(settings.MaxFileSizeBytes, Is.EqualTo(2 * 1024 * 1024));
        Assert.That(LoadOptions.For(settings).MaxFileSizeBytes, Is.EqualTo(2 * 1024 * 1024));
        Assert.That(SettingsLoader.ReadConnectorIds(settings.ConnectorIdsFile!, bag), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(SettingsLoader.FindSettingsFile(Path.Combine(folder.Path, "detections", "schemas")), Is.EqualTo(path));
    }

    [Test]
    public void Bad_settings_are_reported_and_defaults_kept()
    {
        using var folder = new TempFolder();
        var path = folder.Write("aipack.yaml", "schemaFolders: [nope]\nmaxFileSize: huge\nconnectorIdsFile: none.json\nextra: 1\n");
        var bag = new DiagnosticBag(path);

        var settings = SettingsLoader.Load(path, bag);

        Assert.That(bag.Items.Select(d => d.Code), Is.EquivalentTo(new[]
        {
            LoadingCodes.SettingsPathNotFound.Code, LoadingCodes.InvalidSettings.Code, LoadingCodes.SettingsPathNotFound.Code, LoadingCodes.UnknownKey.Code,
        }));
        Assert.That(settings.SchemaFolders, Is.Empty);
        Assert.That(settings.MaxFileSizeBytes, Is.Null);
    }

    [Test]
    public void Corpus_connector_list_reads_as_json_array()
    {
        var ids = SettingsLoader.ReadConnectorIds(Path.Combine(Corpus.AzureSentinel, "ValidConnectorIds.json"), new DiagnosticBag("x"));
        Assert.That(ids, Has.Count.EqualTo(126));
    }
}
