using SentinelAiPack.Telemetry.SampleData.Emit;

namespace SentinelAiPack.Telemetry.SampleData.Scenarios;

internal sealed class TrainingDataEgress() : AttackScenario("training-data-egress",
    "During the nightly retrain, training nodes upload to an unknown external IP and a paste site that no training job ever contacted.")
{
    public override (double From, double To) Hours => (2.3, 2.8);

    public override void Inject(ScenarioContext s)
    {
        var ml = s.Tenant.Ml;
        for (var i = 0; i < 6; i++)
        {
            var node = ml.TrainingNodeIps[i % 4];
            s.Generation.Ml.Egress(s.At.AddMinutes(i * 4), node, "203.0.113.250", 443, isFqdn: false, "Allow", "allow-any-outbound", s.Random);
            s.Generation.Ml.Egress(s.At.AddMinutes((i * 4) + 1), node, "paste-drop.example", 443, isFqdn: true, "Allow", "allow-https-outbound", s.Random);
        }

        s.Mark("destinationIp", "203.0.113.250");
        s.Mark("destinationFqdn", "paste-drop.example");
        s.Mark("trainingSubnet", ml.TrainingSubnet);
    }
}

internal sealed class OffScheduleCompute() : AttackScenario("off-schedule-compute",
    "At night an engineer account submits an unscheduled job that scales the GPU cluster to eight nodes, from an IP outside the company.")
{
    public override (double From, double To) Hours => (3.5, 4.2);

    public override void Inject(ScenarioContext s)
    {
        var engineer = s.Tenant.MlEngineers.First();
        var actor = new MlEmitter.MlActor(engineer.Upn, engineer.ObjectId, AttackText.AttackerIp);
        var ml = s.Tenant.Ml;
        s.Generation.ControlPlane.Operation(s.At, "Microsoft.MachineLearningServices/workspaces/jobs/write", ml.WorkspaceResourceId + "/jobs/test-run-77",
            new ControlPlaneEmitter.Actor(engineer.Upn, engineer.ObjectId, AttackText.AttackerIp), s.Random);
        s.Generation.Ml.Job(s.At, new MlEmitter.JobPlan("test-run-77", "scratch", "gpu-a100-cluster", 8, 170, "customer-features", false, actor), s.Random);
        s.Mark("user", engineer.Upn);
        s.Mark("cluster", "gpu-a100-cluster");
        s.Mark("jobName", "test-run-77");
    }
}

internal sealed class KeyListingUnexpectedIdentity() : AttackScenario("key-listing-unexpected-identity",
    "A sales user lists the keys of the ML workspace and the Azure OpenAI account from an unfamiliar IP.")
{
    public override void Inject(ScenarioContext s)
    {
        var user = s.User(p => p.Department == "Sales");
        var actor = new ControlPlaneEmitter.Actor(user.Upn, user.ObjectId, AttackText.AttackerIp);
        s.Generation.ControlPlane.Operation(s.At, "Microsoft.MachineLearningServices/workspaces/listKeys/action", s.Tenant.Ml.WorkspaceResourceId, actor, s.Random);
        s.Generation.ControlPlane.Operation(s.At.AddMinutes(2), "Microsoft.CognitiveServices/accounts/listKeys/action", s.Tenant.OpenAIResourceId, actor, s.Random);
        s.Generation.ControlPlane.OpenAIListKey(s.At.AddMinutes(2), user.ObjectId, AttackText.AttackerIp, s.Random);
        s.Mark("user", user.Upn);
        s.Mark("callerIp", AttackText.AttackerIp);
    }
}

internal sealed class RegistryWriteUnexpectedIdentity() : AttackScenario("registry-write-unexpected-identity",
    "A support user publishes a new fraud-xgb version into the shared model registry.")
{
    public override void Inject(ScenarioContext s)
    {
        var user = s.User(p => p.Department == "Support");
        var ml = s.Tenant.Ml;
        s.Generation.Ml.RegistryWrite(s.At, "fraud-xgb", "12.1", new MlEmitter.MlActor(user.Upn, user.ObjectId, user.HomeIp), s.Random);
        s.Generation.ControlPlane.Operation(s.At, "Microsoft.MachineLearningServices/registries/assets/write", ml.RegistryResourceId + "/models/fraud-xgb/versions/12.1",
            new ControlPlaneEmitter.Actor(user.Upn, user.ObjectId, user.HomeIp), s.Random);
        s.Mark("user", user.Upn);
        s.Mark("asset", "fraud-xgb");
        s.Mark("version", "12.1");
    }
}

internal sealed class DatasetModifiedBeforeTraining() : AttackScenario("dataset-modified-before-training",
    "Forty minutes before the nightly retrain, an identity that never touches training data writes a new version of the training dataset.")
{
    public override (double From, double To) Hours => (1.1, 1.3);

    public override void Inject(ScenarioContext s)
    {
        var user = s.User(p => p.Department == "Marketing");
        var actor = new MlEmitter.MlActor(user.Upn, user.ObjectId, AttackText.AttackerIp);
        s.Generation.Ml.DatasetWrite(s.At, "fraud-transactions", actor, s.Random);
        s.Generation.ControlPlane.Operation(s.At, "Microsoft.MachineLearningServices/workspaces/data/versions/write",
            s.Tenant.Ml.WorkspaceResourceId + "/data/fraud-transactions/versions/poisoned-1", new ControlPlaneEmitter.Actor(user.Upn, user.ObjectId, AttackText.AttackerIp), s.Random);
        s.Mark("user", user.Upn);
        s.Mark("dataset", "fraud-transactions");
    }
}

internal sealed class ModelScanMalware() : AttackScenario("model-scan-malware",
    "An engineer uploads a pickled model to the registry and Defender's AI model scan finds malware in it.")
{
    public override void Inject(ScenarioContext s)
    {
        var engineer = s.Tenant.MlEngineers.Last();
        var ml = s.Tenant.Ml;
        s.Generation.Ml.RegistryWrite(s.At, "churn-gbm", "3", MlEmitter.MlActor.Of(engineer), s.Random);
        s.Generation.Security.DefenderAlert(s.At.AddMinutes(6), "AI.AIModelScan_MalwareDetected", "(Preview) Malicious content detected in uploaded AI model", "High",
            "Execution", "Malware was found in a model file uploaded to the registry (pickle payload that spawns a reverse shell).",
            new SecurityEmitter.AlertSubject(engineer, engineer.OfficeIp, ml.RegistryResourceId, null, null, null, null), s.Random);
        s.Mark("user", engineer.Upn);
        s.Mark("asset", "churn-gbm");
    }
}
