using System.Text;

namespace SentinelAiPack.Cli.Content;

/// <summary>
/// The commented <c>aipack.yaml</c> <c>aipack init</c> writes for a discovered <see cref="ContentLayout"/>: the folders it
/// found as values, every other key (docs/configuration.md) as a commented example.
/// </summary>
public static class SettingsFileTemplate
{
    public static string For(ContentLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string Relative(string path) => Path.GetRelativePath(layout.Root, path).Replace('\\', '/');

        Line("# Settings of this content repository for aipack (validate, test, build). Every key: docs/configuration.md");
        Line($"# Written by 'aipack init' for {layout.Description}. Paths are relative to this file.");
        Line();
        Line("# Folders of analytics rules, hunting queries and parsers (YAML), searched recursively.");
        Line("contentFolders:");
        foreach (var folder in layout.ContentFolders)
        {
            Line("  - " + Quote(Relative(folder)));
        }
        Line();
        Line("# Table schemas (Azure-Sentinel KQL validation JSON) of custom tables and functions the queries read;");
        Line("# Azure's standard tables and this pack's tables ship with aipack.");
        if (layout.SchemaFolders.Count > 0)
        {
            Line("schemaFolders:");
            foreach (var folder in layout.SchemaFolders)
            {
                Line("  - " + Quote(Relative(folder)));
            }
        }
        else
        {
            Line("# schemaFolders:");
            Line("#   - " + ContentLayout.CustomTablesFolder);
        }
        Line();
        Line("# Data connector ids requiredDataConnectors may name besides the built-in ones: a JSON array of strings");
        Line("# (Azure-Sentinel's ValidConnectorIds.json) or one id per line, and/or a list here.");
        Line((layout.ConnectorIds is null ? "# connectorIdsFile: " + ContentLayout.ConnectorIdsFile : "connectorIdsFile: " + Quote(Relative(layout.ConnectorIds))));
        Line("# extraConnectorIds: [MyCustomConnector]");
        Line();
        Line("# Files larger than this are not read (default 5MB).");
        Line("# maxFileSize: 5MB");
        Line();
        Line("# The Content Hub package 'aipack build' writes: say it is yours. Every key is optional.");
        Line("# solution:");
        Line("#   name: Contoso AI Detections          # display name in Content Hub");
        Line("#   offerId: contoso-ai-detections       # lower-case letters, digits and '-'");
        Line("#   publisher: Contoso SOC               # publisher display name (also the author)");
        Line("#   publisherId: contoso                 # lower-case letters, digits and '-'");
        Line("#   version: 1.0.0                       # x.y.z; --solution-version overrides it");
        Line("#   description: Detections for Contoso's AI gateway and Azure OpenAI accounts.");
        Line("#   categories: [Security - Threat Protection, Security - Cloud Security]   # Content Hub domains");
        Line("#   verticals: []                        # Content Hub industry verticals");
        Line("#   logo: https://contoso.example/logo.svg   # https URL of an SVG, shown on the install page");
        Line("#   support:");
        Line("#     tier: Partner                      # Microsoft, Partner or Community");
        Line("#     name: Contoso SOC");
        Line("#     email: soc@contoso.example");
        Line("#     link: https://contoso.example/soc");
        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar: folder names may hold spaces, '#', ':' or quotes.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
