using SentinelAiPack.Enrichment.Incidents;
using SentinelAiPack.Enrichment.ModelIntegrity;

namespace SentinelAiPack.Enrichment.Tests.ModelIntegrity;

public class ModelIntegrityAssessmentTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static InventorySnapshot Snapshot(int hour, string deployed, string registered, string version = "12", string source = "AIModelInventory_CL") =>
        new(T0.AddHours(hour), source, "AzureML", "/rid/blue", "ml-prod", "fraud-scoring", "blue", "fraud-xgb", version, "asset", deployed, registered, "", "Clean", "sp", null);

    private static DeploymentChange Change(int hour, string operation, string actor, bool firstTime = false) =>
        new(T0.AddHours(hour), "AzureActivity", operation, operation, "/rid/blue", "fraud-scoring", "blue", "fraud-xgb", "12", actor, "192.0.2.1", "Success", firstTime, 3);

    private static OutputMetricBin Bin(int hour, double refusal, double chars) =>
        new(T0.AddHours(hour), "AIModelOutputMetrics_CL", "blue", "12", 100, refusal, 0, chars);

    private static ModelIntegrityEvidence Evidence(IReadOnlyList<InventorySnapshot> snapshots, IReadOnlyList<DeploymentChange>? changes = null, IReadOnlyList<OutputMetricBin>? metrics = null) => new()
    {
        Subject = new IncidentSubject { Deployments = ["blue"], Endpoints = ["fraud-scoring"], FirstActivity = T0.AddHours(8) },
        Window = (T0, T0.AddHours(12)),
        Snapshots = snapshots,
        Changes = changes ?? [],
        Metrics = metrics ?? [],
        DeployerBaseline = TimeSpan.FromDays(30),
    };

    [Test]
    public void A_silent_artifact_change_to_a_mismatching_hash_is_critical()
    {
        var result = ModelIntegrityAssessment.Assess(Evidence([Snapshot(0, "aa", "aa"), Snapshot(6, "bb", "aa")]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Deployments.Single().Verdict, Is.EqualTo(HashVerdict.Mismatch));
            Assert.That(result.Deployments.Single().ArtifactChanges.Single().DeploymentLogged, Is.False);
            Assert.That(result.Escalate, Is.True);
            Assert.That(result.EscalationReasons, Has.Some.Contains("critical").And.Some.Contains("no deployment logged"));
            Assert.That(result.Tags, Is.SupersetOf(new[] { "ModelHashMismatch", "ArtifactChangedWithoutDeployment", "NoDeploymentLogged", "Escalate" }));
        });
    }

    [Test]
    public void A_logged_deployment_of_a_verified_artifact_by_a_known_identity_does_not_escalate()
    {
        var result = ModelIntegrityAssessment.Assess(Evidence(
            [Snapshot(0, "aa", "aa", "12"), Snapshot(6, "cc", "cc", "13")],
            [Change(3, "DeploymentWrite", "sp-mlops")]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Deployments.Single().Verdict, Is.EqualTo(HashVerdict.Verified));
            Assert.That(result.Deployments.Single().ArtifactChanges.Single().DeploymentLogged, Is.True);
            Assert.That(result.ChangePoint, Is.EqualTo(T0.AddHours(3)));
            Assert.That(result.Escalate, Is.False);
            Assert.That(result.Tags, Does.Contain("DeploymentInWindow"));
        });
    }

    [TestCase("", "aa", HashVerdict.Unavailable)]
    [TestCase("aa", "", HashVerdict.NotRegistered)]
    public void Missing_hashes_cannot_be_verified_and_do_not_escalate(string deployed, string registered, HashVerdict verdict)
    {
        var result = ModelIntegrityAssessment.Assess(Evidence([Snapshot(0, deployed, registered)]));

        Assert.That(result.Deployments.Single().Verdict, Is.EqualTo(verdict));
        Assert.That(result.Tags, Does.Contain("ModelHashUnverified").And.Not.Contain("Escalate"));
    }

    [Test]
    public void Log_observations_without_hashes_join_the_collector_snapshots_of_the_same_deployment()
    {
        var result = ModelIntegrityAssessment.Assess(Evidence([Snapshot(0, "aa", "aa"), Snapshot(1, "", "", source: "AmlOnlineEndpointTrafficLog")]));

        Assert.That(result.Deployments.Single().Verdict, Is.EqualTo(HashVerdict.Verified));
    }

    [Test]
    public void A_first_time_deployer_escalates()
    {
        var result = ModelIntegrityAssessment.Assess(Evidence([Snapshot(0, "aa", "aa")], [Change(5, "DeploymentWrite", "mallory@contoso.com", firstTime: true)]));

        Assert.That(result.FirstTimeChanges.Single().Actor, Is.EqualTo("mallory@contoso.com"));
        Assert.That(result.Escalate, Is.True);
    }

    [Test]
    public void Direction_compares_refusals_before_and_after_the_change_point()
    {
        var less = ModelIntegrityAssessment.Assess(Evidence([], [Change(5, "DeploymentWrite", "sp")], [Bin(2, 0.10, 200), Bin(3, 0.12, 220), Bin(6, 0.0, 500), Bin(7, 0.01, 480)]));
        var same = ModelIntegrityAssessment.Assess(Evidence([], [Change(5, "DeploymentWrite", "sp")], [Bin(2, 0.05, 200), Bin(6, 0.055, 210)]));
        var oneSide = ModelIntegrityAssessment.Assess(Evidence([], [Change(5, "DeploymentWrite", "sp")], [Bin(6, 0.05, 200)]));

        Assert.Multiple(() =>
        {
            Assert.That(less.Direction.LessRestrictive, Is.True);
            Assert.That(less.Direction.Answer, Does.StartWith("Less restrictive").And.Contain("2.33x as long"));
            Assert.That(same.Direction.LessRestrictive, Is.Null);
            Assert.That(oneSide.Direction.Answer, Does.StartWith("Not determined"));
        });
    }
}
