using SentinelAiPack.Enrichment.Rendering;
using SentinelAiPack.Enrichment.Writing;

namespace SentinelAiPack.Enrichment.ModelIntegrity;

/// <summary>
/// The model-integrity comment: the guide's drift triage questions answered first (deployment around the change? more or
/// less restrictive? does the deployed hash match the registry?), the escalation decision, then per-deployment
/// integrity, artifact changes, the deployment history with who made each change, and gaps.
/// </summary>
public static class ModelIntegrityCommentWriter
{
    /// <summary>Heading of the comment.</summary>
    public const string Title = "AI model integrity (SentinelAiPack)";

    /// <summary>Renders the comment.</summary>
    public static RenderedComment Write(ModelIntegrityEvidence evidence, ModelIntegrityResult result, EnrichmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var comment = new IncidentCommentBuilder(options.Rendering).Heading(Title);
        comment.Strong(result.Escalate
            ? "Escalate: " + string.Join("; ", result.EscalationReasons) + "."
            : "No escalation criterion of the analyst guide is met (hashes match or cannot be checked, no silent artifact change, no first-time deployer).");
        comment.Fields(
        [
            new("Does the deployed model match the registry?", HashAnswer(result)),
            new("Deployment around the change?", DeploymentAnswer(result)),
            new("More or less restrictive?", result.Direction.Answer),
            new("Who deployed?", WhoAnswer(result, evidence)),
            new("Change point", $"{CommentSections.Time(result.ChangePoint)} ({result.ChangePointBasis})"),
        ]);

        if (result.Deployments.Count > 0)
        {
            comment.Heading("Deployed and registered artifacts");
            comment.BulletList(result.Deployments.Select(d => d.Latest is { } s
                ? $"{d.Key}: {d.Verdict}. {s.Platform} model {Or(s.ModelName)} version {Or(s.ModelVersion)} ({Or(s.ModelAssetId)}); deployed SHA-256 {Or(s.DeployedSha256)}; "
                  + $"registered SHA-256 {Or(s.RegisteredSha256)}; scan {Or(s.ScanStatus)}; last deployed by {Or(s.DeployedBy)} at {CommentSections.Time(s.DeployedAt)}; snapshot {CommentSections.Time(s.Time)}"
                : $"{d.Key}: no inventory snapshot"));
        }

        var artifactChanges = result.Deployments.SelectMany(d => d.ArtifactChanges.Select(a => (d.Key, a))).ToList();
        if (artifactChanges.Count > 0)
        {
            comment.Heading("Artifact changes between snapshots");
            comment.BulletList(artifactChanges.Select(x =>
                $"{x.Key} between {CommentSections.Time(x.a.Before)} and {CommentSections.Time(x.a.After)}: version {Or(x.a.FromVersion)} to {Or(x.a.ToVersion)}, "
                + $"SHA-256 {Short(x.a.FromSha256)} to {Short(x.a.ToSha256)}; "
                + (x.a.DeploymentLogged ? "logged: " + string.Join("; ", x.a.LoggedChanges.Select(c => $"{c.Operation} by {Or(c.Actor)}")) : "no deployment or registration logged")));
        }

        if (result.Changes.Count > 0)
        {
            comment.Heading($"Deployment history ({result.Changes.Count})");
            comment.BulletList(result.Changes.Take(30).Select(c =>
                $"{CommentSections.Time(c.Time)} {c.Operation} {Or(c.EndpointName.Length > 0 ? c.EndpointName + "/" + c.DeploymentName : c.DeploymentName)}"
                + (c.ModelName.Length > 0 ? $" model {c.ModelName} {c.ModelVersion}" : string.Empty)
                + $" by {Or(c.Actor)} from {Or(c.ActorIp)}, result {Or(c.Result)}"
                + (c.FirstTimeActor && c.BaselineActors > 0 ? " (first AI deployment change by this identity in the baseline)" : string.Empty)
                + $" [{c.EventSource}]"));
        }

        CommentSections.Gaps(comment, evidence.Gaps);
        comment.Paragraph($"Read from AIModelInventory, AIModelDeployments and AIOutputMetrics between {CommentSections.Time(evidence.Window.Start)} and "
            + $"{CommentSections.Time(evidence.Window.End)}. Hashes come from the inventory collector; no Azure log carries them.");
        return comment.Build();
    }

    private static string HashAnswer(ModelIntegrityResult result)
    {
        if (result.Deployments.Count == 0)
        {
            return "Not determined: no inventory snapshot of these deployments in the window (is the inventory collector running?).";
        }

        return string.Join(" ", result.Deployments.Select(d => d.Verdict switch
        {
            HashVerdict.Verified => $"{d.Key}: yes, deployed and registered SHA-256 are equal.",
            HashVerdict.Mismatch => $"{d.Key}: NO, the deployed SHA-256 {Short(d.Latest!.DeployedSha256)} differs from the registered {Short(d.Latest.RegisteredSha256)}. This is the critical finding.",
            HashVerdict.NotRegistered => $"{d.Key}: cannot verify, no SHA-256 was recorded when version {Or(d.Latest!.ModelVersion)} was registered.",
            HashVerdict.Unavailable => $"{d.Key}: cannot verify, the deployed artifact's hash is not available ({Or(d.Latest!.Platform)}).",
            _ => $"{d.Key}: no collector snapshot with hashes.",
        }));
    }

    private static string DeploymentAnswer(ModelIntegrityResult result)
    {
        var writes = result.Changes.Where(c => c.Operation is "DeploymentWrite" or "EndpointWrite").ToList();
        if (writes.Count == 0)
        {
            return result.Deployments.Any(d => d.ArtifactChanges.Count > 0)
                ? "No deployment was logged, yet the served artifact or version changed (see below): same model name, different artifact."
                : "No deployment or endpoint change was logged in the window.";
        }

        var closest = result.ChangePoint is { } point ? writes.OrderBy(c => Math.Abs(((c.Time ?? point) - point).TotalMinutes)).First() : writes[0];
        return $"Yes: {writes.Count} deployment change(s) in the window; closest to the change point: {closest.Operation} of {Or(closest.DeploymentName)} at {CommentSections.Time(closest.Time)} by {Or(closest.Actor)}"
            + (closest.ModelVersion.Length > 0 ? $" (model {closest.ModelName} {closest.ModelVersion})" : string.Empty) + ".";
    }

    private static string WhoAnswer(ModelIntegrityResult result, ModelIntegrityEvidence evidence)
    {
        if (result.Changes.Count == 0)
        {
            return "Nobody: no change was logged.";
        }

        var actors = result.Changes.Select(c => c.Actor).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var baseline = result.Changes.Max(c => c.BaselineActors);
        var firstTime = result.FirstTimeChanges.Select(c => c.Actor).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return $"{CommentSections.Join(actors)}."
            + (firstTime.Count > 0 ? $" First-time: {CommentSections.Join(firstTime)} made no AI deployment change in the {evidence.DeployerBaseline.TotalDays:0} days before ({baseline} identities did)." : string.Empty)
            + (baseline == 0 ? " (No baseline: no deployment changes logged before the window.)" : string.Empty);
    }

    private static string Short(string sha) => sha.Length > 16 ? sha[..16] + "…" : Or(sha);

    private static string Or(string value) => value.Length == 0 ? "unknown" : value;
}
