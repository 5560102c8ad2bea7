namespace SentinelAiPack.Enrichment.ModelIntegrity;

/// <summary>How the deployed artifact compares with the registry (the inventory's IntegrityStatus, recomputed from the hashes).</summary>
public enum HashVerdict
{
    /// <summary>No collector snapshot with hashes for the deployment.</summary>
    NoSnapshot,

    /// <summary>Deployed and registered SHA-256 are equal.</summary>
    Verified,

    /// <summary>Deployed and registered SHA-256 differ: the critical finding.</summary>
    Mismatch,

    /// <summary>No hash was recorded at registration.</summary>
    NotRegistered,

    /// <summary>The deployed artifact's hash could not be read.</summary>
    Unavailable,
}

/// <summary>The served artifact or model version changed between two snapshots.</summary>
public sealed record ArtifactChange(
    DateTimeOffset? Before,
    DateTimeOffset? After,
    string FromVersion,
    string ToVersion,
    string FromSha256,
    string ToSha256,
    IReadOnlyList<DeploymentChange> LoggedChanges)
{
    /// <summary>True when a deployment or registration was logged between the two snapshots.</summary>
    public bool DeploymentLogged => LoggedChanges.Count > 0;
}

/// <summary>The integrity verdict of one deployment.</summary>
public sealed record DeploymentIntegrity(string Key, InventorySnapshot? Latest, HashVerdict Verdict, IReadOnlyList<ArtifactChange> ArtifactChanges);

/// <summary>Which way the output moved around the change point.</summary>
public sealed record DriftDirection(string Answer, double? RestrictivenessBefore, double? RestrictivenessAfter, double? LengthRatio, bool? LessRestrictive);

/// <summary>The answers to the guide's model-drift triage questions, with tags and the escalation decision.</summary>
public sealed record ModelIntegrityResult
{
    /// <summary>Integrity per deployment.</summary>
    public IReadOnlyList<DeploymentIntegrity> Deployments { get; init; } = [];

    /// <summary>When behaviour or the artifact changed (the first artifact change, else the first deployment, else the incident's first activity).</summary>
    public DateTimeOffset? ChangePoint { get; init; }

    /// <summary>What the change point is based on.</summary>
    public string ChangePointBasis { get; init; } = string.Empty;

    /// <summary>Deployment writes, registrations and content-filter changes in the window.</summary>
    public IReadOnlyList<DeploymentChange> Changes { get; init; } = [];

    /// <summary>Changes made by an identity that made none during the baseline.</summary>
    public IReadOnlyList<DeploymentChange> FirstTimeChanges { get; init; } = [];

    /// <summary>More or less restrictive.</summary>
    public required DriftDirection Direction { get; init; }

    /// <summary>Reasons to escalate (guide, Part 3: a hash mismatch is critical; unauthorized deployment; same model, different behaviour).</summary>
    public IReadOnlyList<string> EscalationReasons { get; init; } = [];

    /// <summary>True when any escalation reason holds.</summary>
    public bool Escalate => EscalationReasons.Count > 0;

    /// <summary>Tag names (without prefix).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// The guide's model-behavioural-anomaly workflow, made deterministic: verify each deployment's deployed SHA-256 against
/// the registered one (a mismatch is the critical finding), find artifact or version changes between snapshots and
/// whether a deployment was logged for them, list deployment changes with who made them, and compare output
/// restrictiveness before and after the change point.
/// </summary>
public static class ModelIntegrityAssessment
{
    private static readonly string[] DeployOperations = ["DeploymentWrite", "EndpointWrite", "ModelRegister", "RegistryAssetWrite", "DeploymentDelete", "ContentFilterWrite", "ContentFilterDelete"];

    /// <summary>Smallest change of refusal-plus-blocked rate that counts as a direction.</summary>
    public const double MinRateChange = 0.02;

    /// <summary>Assesses the evidence.</summary>
    public static ModelIntegrityResult Assess(ModelIntegrityEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var changes = evidence.Changes.Where(c => DeployOperations.Contains(c.Operation, StringComparer.OrdinalIgnoreCase)).ToList();
        var deployments = evidence.Snapshots
            .Where(s => evidence.Subject.Endpoints.Count == 0 || s.EndpointName.Length == 0
                || evidence.Subject.Endpoints.Contains(s.EndpointName, StringComparer.OrdinalIgnoreCase))
            .GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => Integrity(g.Key, g.OrderBy(s => s.Time).ToList(), changes))
            .ToList();

        var firstArtifactChange = deployments.SelectMany(d => d.ArtifactChanges).Where(a => a.After is not null).OrderBy(a => a.After).FirstOrDefault();
        var (changePoint, basis) = firstArtifactChange is not null
            ? (firstArtifactChange.LoggedChanges.FirstOrDefault()?.Time ?? firstArtifactChange.After, firstArtifactChange.DeploymentLogged
                ? "the logged deployment of the changed artifact" : "the first snapshot serving the changed artifact")
            : changes.FirstOrDefault(c => c.Operation is "DeploymentWrite" or "EndpointWrite")?.Time is { } deployed
                ? (deployed, "the first deployment write in the window")
                : (evidence.Subject.FirstActivity, "the incident's first activity");

        var firstTime = changes.Where(c => c.FirstTimeActor && c.BaselineActors > 0).ToList();
        var direction = Direction(evidence.Metrics, changePoint);
        var reasons = new List<string>();
        foreach (var mismatch in deployments.Where(d => d.Verdict == HashVerdict.Mismatch))
        {
            reasons.Add($"deployed artifact of {mismatch.Key} does not match the registered SHA-256 (critical)");
        }

        foreach (var silent in deployments.SelectMany(d => d.ArtifactChanges.Where(a => !a.DeploymentLogged && a.FromSha256 != a.ToSha256 && a.ToSha256.Length > 0 && a.FromSha256.Length > 0).Select(a => (d.Key, a))))
        {
            reasons.Add($"the artifact served by {silent.Key} changed between {Writing.CommentSections.Time(silent.a.Before)} and {Writing.CommentSections.Time(silent.a.After)} with no deployment logged");
        }

        foreach (var change in firstTime)
        {
            reasons.Add($"{change.Operation} by {change.Actor}, who made no AI deployment change in the {evidence.DeployerBaseline.TotalDays:0} days before");
        }

        foreach (var malware in deployments.Where(d => d.Latest?.ScanStatus.Equals("MalwareDetected", StringComparison.OrdinalIgnoreCase) == true))
        {
            reasons.Add($"the malware scan flagged the artifact of {malware.Key}");
        }

        var result = new ModelIntegrityResult
        {
            Deployments = deployments,
            ChangePoint = changePoint,
            ChangePointBasis = basis,
            Changes = changes,
            FirstTimeChanges = firstTime,
            Direction = direction,
            EscalationReasons = reasons,
        };
        return result with { Tags = Tags(result) };
    }

    private static DeploymentIntegrity Integrity(string key, List<InventorySnapshot> snapshots, List<DeploymentChange> changes)
    {
        var hashed = snapshots.Where(s => s.HasHashes || s.EventSource.Equals("AIModelInventory_CL", StringComparison.OrdinalIgnoreCase)).ToList();
        var latest = hashed.LastOrDefault() ?? snapshots.LastOrDefault();
        var verdict = latest is null || hashed.Count == 0 ? HashVerdict.NoSnapshot
            : latest.DeployedSha256.Length == 0 ? (latest.IntegrityStatus.Equals("Mismatch", StringComparison.OrdinalIgnoreCase) ? HashVerdict.Mismatch : HashVerdict.Unavailable)
            : latest.RegisteredSha256.Length == 0 ? HashVerdict.NotRegistered
            : string.Equals(latest.DeployedSha256, latest.RegisteredSha256, StringComparison.OrdinalIgnoreCase) ? HashVerdict.Verified
            : HashVerdict.Mismatch;

        var artifactChanges = new List<ArtifactChange>();
        for (var i = 1; i < hashed.Count; i++)
        {
            var (before, after) = (hashed[i - 1], hashed[i]);
            if (before.DeployedSha256 == after.DeployedSha256 && string.Equals(before.ModelVersion, after.ModelVersion, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var logged = changes.Where(c => c.Time >= before.Time && c.Time <= after.Time && Concerns(c, after)).ToList();
            artifactChanges.Add(new ArtifactChange(before.Time, after.Time, before.ModelVersion, after.ModelVersion, before.DeployedSha256, after.DeployedSha256, logged));
        }

        return new DeploymentIntegrity(key, latest, verdict, artifactChanges);
    }

    private static bool Concerns(DeploymentChange change, InventorySnapshot snapshot) =>
        (change.DeploymentName.Length > 0 && change.DeploymentName.Equals(snapshot.DeploymentName, StringComparison.OrdinalIgnoreCase))
        || (change.EndpointName.Length > 0 && change.EndpointName.Equals(snapshot.EndpointName, StringComparison.OrdinalIgnoreCase))
        || (change.ModelName.Length > 0 && change.ModelName.Equals(snapshot.ModelName, StringComparison.OrdinalIgnoreCase))
        || (change.ResourceId.Length > 0 && snapshot.ResourceId.StartsWith(change.ResourceId, StringComparison.OrdinalIgnoreCase));

    private static DriftDirection Direction(IReadOnlyList<OutputMetricBin> metrics, DateTimeOffset? changePoint)
    {
        if (metrics.Count == 0 || changePoint is not { } point)
        {
            return new DriftDirection("Not determined: no output statistics for these deployments in the window.", null, null, null, null);
        }

        // One source only, so published and computed statistics are not mixed; the published table wins.
        var source = metrics.Any(m => m.EventSource.Equals("AIModelOutputMetrics_CL", StringComparison.OrdinalIgnoreCase))
            ? "AIModelOutputMetrics_CL"
            : metrics.GroupBy(m => m.EventSource).OrderByDescending(g => g.Count()).First().Key;
        var bins = metrics.Where(m => m.EventSource == source && m.Requests > 0 && m.Time is not null).ToList();
        var before = bins.Where(m => m.Time < point).ToList();
        var after = bins.Where(m => m.Time >= point).ToList();
        if (before.Count == 0 || after.Count == 0)
        {
            return new DriftDirection("Not determined: output statistics do not cover both sides of the change point.", null, null, null, null);
        }

        var restrictBefore = Weighted(before, m => (m.RefusalRate ?? 0) + (m.BlockedRate ?? 0));
        var restrictAfter = Weighted(after, m => (m.RefusalRate ?? 0) + (m.BlockedRate ?? 0));
        var lengthBefore = Weighted(before, m => m.MeanOutputChars ?? 0);
        var lengthAfter = Weighted(after, m => m.MeanOutputChars ?? 0);
        double? ratio = lengthBefore > 0 ? lengthAfter / lengthBefore : null;
        var delta = restrictAfter - restrictBefore;
        bool? less = Math.Abs(delta) < MinRateChange ? null : delta < 0;
        var rates = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"refusal+blocked rate {restrictBefore:P1} before, {restrictAfter:P1} after ({before.Sum(b => b.Requests)} and {after.Sum(b => b.Requests)} answers, source {source})");
        var length = ratio is { } r ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; answers {r:0.##}x as long") : string.Empty;
        var answer = less switch
        {
            true => $"Less restrictive: {rates}{length}.",
            false => $"More restrictive: {rates}{length}.",
            _ => $"No clear change in restrictiveness: {rates}{length}.",
        };
        return new DriftDirection(answer, restrictBefore, restrictAfter, ratio, less);
    }

    private static double Weighted(List<OutputMetricBin> bins, Func<OutputMetricBin, double> value)
    {
        var total = bins.Sum(b => (double)b.Requests);
        return total <= 0 ? 0 : bins.Sum(b => value(b) * b.Requests) / total;
    }

    private static List<string> Tags(ModelIntegrityResult result)
    {
        var tags = new List<string>();
        if (result.Deployments.Any(d => d.Verdict == HashVerdict.Mismatch))
        {
            tags.Add("ModelHashMismatch");
        }

        if (result.Deployments.Any(d => d.Verdict is HashVerdict.NotRegistered or HashVerdict.Unavailable))
        {
            tags.Add("ModelHashUnverified");
        }

        if (result.Deployments.Any(d => d.ArtifactChanges.Any(a => !a.DeploymentLogged)))
        {
            tags.Add("ArtifactChangedWithoutDeployment");
        }

        tags.Add(result.Changes.Any(c => c.Operation is "DeploymentWrite" or "EndpointWrite") ? "DeploymentInWindow" : "NoDeploymentLogged");
        if (result.FirstTimeChanges.Count > 0)
        {
            tags.Add("FirstTimeDeployer");
        }

        if (result.Direction.LessRestrictive is { } less)
        {
            tags.Add(less ? "DriftLessRestrictive" : "DriftMoreRestrictive");
        }

        if (result.Deployments.Any(d => d.Latest?.ScanStatus.Equals("MalwareDetected", StringComparison.OrdinalIgnoreCase) == true))
        {
            tags.Add("ModelMalwareDetected");
        }

        if (result.Escalate)
        {
            tags.Add("Escalate");
        }

        return tags;
    }
}
