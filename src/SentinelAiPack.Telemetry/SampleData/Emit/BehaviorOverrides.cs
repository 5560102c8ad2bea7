namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>
/// Changes scenarios make to how the simulated estate behaves from some time on: a deployment whose answers drift,
/// a deployment whose served artifact no longer matches the registry, a model version swapped in.
/// </summary>
public sealed class BehaviorOverrides
{
    private readonly List<(string Deployment, DateTime From, DriftProfile Profile)> _drifts = [];
    private readonly List<(string Deployment, DateTime From, string Sha256)> _artifacts = [];
    private readonly List<(string Deployment, DateTime From, string Version)> _versions = [];
    private readonly List<(string Deployment, DateTime From, string ModelName, string Version)> _unverified = [];

    public void Drift(string deployment, DateTime from, DriftProfile profile) => _drifts.Add((deployment, from, profile));

    public void ServeArtifact(string deployment, DateTime from, string sha256) => _artifacts.Add((deployment, from, sha256));

    public void ServeVersion(string deployment, DateTime from, string version) => _versions.Add((deployment, from, version));

    /// <summary>A model version deployed without a registered hash (no integrity check at registration).</summary>
    public void ServeUnverified(string deployment, DateTime from, string modelName, string version) => _unverified.Add((deployment, from, modelName, version));

    public DriftProfile DriftAt(string deployment, DateTime t) =>
        _drifts.LastOrDefault(d => d.Deployment == deployment && t >= d.From).Profile ?? DriftProfile.None;

    public string? ArtifactAt(string deployment, DateTime t) =>
        _artifacts.LastOrDefault(a => a.Deployment == deployment && t >= a.From).Sha256;

    public string? VersionAt(string deployment, DateTime t) =>
        _versions.LastOrDefault(v => v.Deployment == deployment && t >= v.From).Version;

    public (string ModelName, string Version)? UnverifiedAt(string deployment, DateTime t)
    {
        var match = _unverified.LastOrDefault(u => u.Deployment == deployment && t >= u.From);
        return match.Deployment is null ? null : (match.ModelName, match.Version);
    }
}

/// <summary>How a drifted deployment answers: refusal probability, answer length factor, share of flagged answers.</summary>
public sealed record DriftProfile(double RefusalRate, double LengthFactor, double FlaggedRate)
{
    public static readonly DriftProfile None = new(0.03, 1.0, 0.002);
}
