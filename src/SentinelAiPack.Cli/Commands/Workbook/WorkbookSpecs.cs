using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Settings;
using SentinelAiPack.Workbooks.Loading;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Cli.Commands.Workbook;

/// <summary>Finds and loads the workbook specs a workbook command works on, and the pack's rule catalog.</summary>
internal static class WorkbookSpecs
{
    /// <summary>The specs, the rule catalog, the other content (rules and parsers the tiles read) and every loading finding.</summary>
    public sealed record Loaded(IReadOnlyList<WorkbookSpec> Specs, RuleCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics, ContentSettings? Settings, ContentSet Content);

    /// <summary>Specs of the content folders (aipack.yaml), filtered by name or key when <paramref name="names"/> is not empty.</summary>
    public static Loaded Load(IOContext io, IReadOnlyList<string> names)
    {
        var (settings, settingsDiagnostics) = ContentLocator.LoadSettings(io);
        var paths = ContentLocator.ResolvePaths(io, [], settings);
        var diagnostics = new List<Diagnostic>(settingsDiagnostics);
        var files = paths.SelectMany(p => ContentLoader.ExpandPath(p, diagnostics)).ToList();
        var options = LoadOptions.For(settings);
        var specs = new List<WorkbookSpec>();
        foreach (var file in files.Where(WorkbookFiles.IsSpecFile))
        {
            if (names.Count > 0 && !names.Contains(WorkbookFiles.NameOf(file), StringComparer.OrdinalIgnoreCase))
            {
                var peek = WorkbookSpecLoader.Load(file, options);
                if (peek.Spec is null || !names.Contains(peek.Spec.Key.Value, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }
            }
            var loaded = WorkbookSpecLoader.Load(file, options);
            diagnostics.AddRange(loaded.Diagnostics.Select(d => d with { FilePath = io.Display(d.FilePath) }));
            if (loaded.Spec is { } spec)
            {
                specs.Add(spec);
            }
        }
        var missing = names.Where(n => !specs.Any(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Key.Value, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            var known = files.Where(WorkbookFiles.IsSpecFile).Select(WorkbookFiles.NameOf).Order(StringComparer.Ordinal);
            throw new UsageException($"No workbook named {string.Join(", ", missing.Select(m => $"'{m}'"))}; the workbooks are: {string.Join(", ", known)}.");
        }
        var content = ContentLoader.Load(files.Where(f => !WorkbookFiles.IsSpecFile(f)), options);
        return new Loaded(specs, RuleCatalog.FromContent(content), diagnostics, settings, content);
    }
}
