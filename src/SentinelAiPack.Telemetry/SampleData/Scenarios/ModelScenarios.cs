using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Scenarios;

internal sealed class OutputDriftAfterDeployment() : AttackScenario("output-drift-after-deployment",
    "A deployer swaps the model version of the sales deployment; from then on answers are twice as long and never refuse.")
{
    public override (double From, double To) Hours => (10, 12);

    public override void Prepare(ScenarioContext s)
    {
        s.Generation.Behavior.ServeVersion("gpt-4o-mini-sales", s.At, "2025-04-14-ft-sales");
        s.Generation.Behavior.Drift("gpt-4o-mini-sales", s.At, new DriftProfile(RefusalRate: 0.0, LengthFactor: 2.4, FlaggedRate: 0.02));
    }

    public override void Inject(ScenarioContext s)
    {
        var deployer = s.Tenant.Deployers.First();
        var deployment = s.Tenant.Deployment("gpt-4o-mini-sales");
        s.Generation.ControlPlane.Operation(s.At.AddMinutes(-2), "Microsoft.CognitiveServices/accounts/deployments/write", deployment.ResourceId,
            ControlPlaneEmitter.Actor.Of(deployer, deployer.OfficeIp), s.Random, ControlPlaneEmitter.DeploymentBody("gpt-4o-mini", "2025-04-14-ft-sales"));
        s.Mark("deployment", deployment.Name);
        s.Mark("deployedBy", deployer.Upn);
        s.Mark("changeTime", ScenarioContext.Iso(s.At));
    }
}

internal sealed class OutputDriftWithoutDeployment() : AttackScenario("output-drift-without-deployment",
    "The finance deployment starts refusing a quarter of requests with answers half as long, with no deployment or configuration change logged.")
{
    public override (double From, double To) Hours => (10, 12);

    public override void Prepare(ScenarioContext s) =>
        s.Generation.Behavior.Drift("gpt-4o-finance", s.At, new DriftProfile(RefusalRate: 0.25, LengthFactor: 0.5, FlaggedRate: 0.002));

    public override void Inject(ScenarioContext s)
    {
        s.Mark("deployment", "gpt-4o-finance");
        s.Mark("changeTime", ScenarioContext.Iso(s.At));
    }
}

internal sealed class ModelHashMismatch() : AttackScenario("model-hash-mismatch",
    "The fraud-scoring endpoint starts serving an artifact whose SHA-256 differs from the registered model version; the container restarts but no deployment is logged.")
{
    public override (double From, double To) Hours => (9, 11);

    public override void Prepare(ScenarioContext s) =>
        s.Generation.Behavior.ServeArtifact("blue", s.At, s.Random.Hex(64));

    public override void Inject(ScenarioContext s)
    {
        var ml = s.Tenant.Ml;
        s.Generation.Sink.Row("AmlOnlineEndpointEventLog", s.At)
            .Str("DeploymentName", "blue").Str("InstanceId", "blue-" + s.Random.Hex(6)).Str("Message", "Container image pulled; model files replaced from mounted storage")
            .Str("Name", "ContainerRestarted").Str("OperationName", "EventLog")
            .Str("_ResourceId", (ml.WorkspaceResourceId + "/onlineEndpoints/fraud-scoring").ToLowerInvariant()).End();
        s.Mark("endpoint", "fraud-scoring");
        s.Mark("deployment", "blue");
        s.Mark("registeredSha256", ml.Endpoint.Sha256);
    }
}

internal sealed class DeploymentByUnexpectedIdentity() : AttackScenario("deployment-by-unexpected-identity",
    "A marketing user who has never deployed anything updates the production Azure OpenAI deployment from an unfamiliar IP.")
{
    public override void Inject(ScenarioContext s)
    {
        var user = s.User(p => p.Department == "Marketing" && !p.IsDeployer);
        var deployment = s.Tenant.Deployment("gpt-4o-prod");
        s.Generation.ControlPlane.Operation(s.At, "Microsoft.CognitiveServices/accounts/deployments/write", deployment.ResourceId,
            new ControlPlaneEmitter.Actor(user.Upn, user.ObjectId, AttackText.AttackerIp), s.Random, ControlPlaneEmitter.DeploymentBody("gpt-4o-mini", "2024-07-18"));
        s.Generation.ControlPlane.Operation(s.At.AddMinutes(4), "Microsoft.CognitiveServices/accounts/raiPolicies/write",
            s.Tenant.OpenAIResourceId + "/raiPolicies/permissive", new ControlPlaneEmitter.Actor(user.Upn, user.ObjectId, AttackText.AttackerIp), s.Random);
        s.Mark("user", user.Upn);
        s.Mark("deployment", deployment.Name);
        s.Mark("callerIp", AttackText.AttackerIp);
    }
}

internal sealed class ModelRegisteredWithoutIntegrityCheck() : AttackScenario("model-registered-without-integrity-check",
    "An engineer registers fraud-xgb version 14 and rolls it onto the endpoint; no hash was recorded at registration, so the inventory cannot verify it.")
{
    // After model-hash-mismatch (9 to 11) and the 12:05 inventory run, so that run still shows that scenario's Mismatch.
    public override (double From, double To) Hours => (13, 15);

    public override void Prepare(ScenarioContext s) =>
        s.Generation.Behavior.ServeUnverified("blue", s.At.AddMinutes(30), "fraud-xgb", "14");

    public override void Inject(ScenarioContext s)
    {
        var engineer = s.Tenant.MlEngineers.Last();
        var ml = s.Tenant.Ml;
        var actor = MlEmitter.MlActor.Of(engineer);
        s.Generation.Ml.ModelEvent(s.At, "fraud-xgb", "Microsoft.MachineLearningServices/workspaces/models/versions/write", actor, s.Random);
        s.Generation.ControlPlane.Operation(s.At, "Microsoft.MachineLearningServices/workspaces/models/versions/write",
            ml.WorkspaceResourceId + "/models/fraud-xgb/versions/14", ControlPlaneEmitter.Actor.Of(engineer, engineer.OfficeIp), s.Random);
        s.Generation.ControlPlane.Operation(s.At.AddMinutes(28), "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write",
            ml.Endpoint.ResourceId, ControlPlaneEmitter.Actor.Of(engineer, engineer.OfficeIp), s.Random);
        s.Mark("user", engineer.Upn);
        s.Mark("model", "fraud-xgb");
        s.Mark("version", "14");
    }
}
