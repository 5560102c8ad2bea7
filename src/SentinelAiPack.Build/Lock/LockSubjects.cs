using SentinelAiPack.Build.Playbooks;
using SentinelAiPack.Build.Workbooks;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Enrichment.Playbooks;
using SentinelAiPack.Workbooks.Loading;

namespace SentinelAiPack.Build.Lock;

/// <summary>Everything the build ships that the lock tracks, and the workbook specs that could not be read.</summary>
public sealed record LockSubjectSet(IReadOnlyList<LockSubject> Subjects, IReadOnlyList<Diagnostic> Problems);

/// <summary>
/// Collects what the lock tracks from the content, the same way the build's contributors find it: the content items,
/// the workbook specs of the content folders, and the enrichment playbooks and automation rules the build includes for
/// its analytics rules (the Function App is infrastructure, not Content Hub content, and is not tracked).
/// </summary>
public static class LockSubjects
{
    private const string PlaybooksFolder = "playbooks/";
    private const string EnrichmentHowToRaise = "Add a release note with a higher version to its template (SentinelAiPack.Enrichment PlaybookArtifacts)";

    public static LockSubjectSet Collect(PackContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<Diagnostic>();
        var subjects = content.Items.Select(i => Item(content, i)).ToList();
        subjects.AddRange(Workbooks(content, problems));
        var enrichment = PlaybookContributor.Select(content);
        subjects.AddRange(enrichment.Playbooks.Select(p => Enrichment(content, LockSection.Playbooks, "Playbook", PlaybookContributor.PlaybookOf(p), p)));
        subjects.AddRange(enrichment.AutomationRules.Select(a => Enrichment(content, LockSection.AutomationRules, "AutomationRule", PlaybookContributor.AutomationRuleKey(a), a)));
        return new LockSubjectSet(subjects, problems);
    }

    /// <summary>The lock subject of a rule, hunting query or parser.</summary>
    public static LockSubject Item(PackContent content, PackItem item)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(item);
        var entry = new LockEntry(item.Kind.ToString(), item.DisplayName, item.Version ?? string.Empty, LogicHash.Compute(item.Item), content.RelativePath(item.Item.FilePath));
        return new LockSubject(LockSection.Items, item.Key, entry, item.Item.FilePath)
        {
            KeySpan = item.Item.Id?.Span ?? new SourceSpan(1, 1),
            VersionSpan = (item.Item as DetectionTemplate)?.Version?.Span ?? (item.Item as ParserFunction)?.Version?.Span ?? new SourceSpan(1, 1),
        };
    }

    private static IEnumerable<LockSubject> Workbooks(PackContent content, List<Diagnostic> problems)
    {
        var options = LoadOptions.For(content.Settings);
        foreach (var path in WorkbookSpecFiles.Find(content))
        {
            var loaded = WorkbookSpecLoader.Load(path, options);
            if (loaded.Spec is not { } spec || loaded.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                // An unreadable spec would look removed: report it instead of comparing.
                problems.AddRange(loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
                continue;
            }
            var entry = new LockEntry("Workbook", spec.Title.Value.Trim(), spec.Version.Value.Trim(), LogicHash.Compute(spec), content.RelativePath(path));
            yield return new LockSubject(LockSection.Workbooks, spec.TemplateId, entry, path)
            {
                KeySpan = spec.Key.Span,
                VersionSpan = spec.Version.Span,
            };
        }
    }

    private static LockSubject Enrichment(PackContent content, LockSection section, string kind, string key, PlaybookArtifact artifact)
    {
        // The generated template's home in a content repository (playbooks/, written by the generator); findings
        // point there when it exists, else at the lock file.
        var file = PlaybooksFolder + artifact.RelativePath;
        var path = Path.Combine(content.RootDirectory, file.Replace('/', Path.DirectorySeparatorChar));
        var hash = section == LockSection.AutomationRules ? LogicHash.ComputeAutomationRule(artifact.Template) : LogicHash.ComputePlaybook(artifact.Template);
        var entry = new LockEntry(kind, artifact.DisplayName, TemplateVersion.Of(artifact.Template), hash, file);
        return new LockSubject(section, key, entry, File.Exists(path) ? path : null)
        {
            HowToRaise = EnrichmentHowToRaise,
        };
    }
}
