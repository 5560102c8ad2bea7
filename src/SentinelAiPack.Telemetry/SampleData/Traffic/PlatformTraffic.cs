using System.Globalization;
using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Traffic;

/// <summary>
/// What runs without users: scheduled training and data jobs, engineers' ad-hoc experiments, model registration,
/// key listing by the pipeline, knowledge-base maintenance, the scoring endpoint, inventory snapshots, and the
/// occasional low-severity Defender alert.
/// </summary>
internal sealed class PlatformTraffic(GenerationContext ctx)
{
    private SimulatedTenant Tenant => ctx.Tenant;

    public void Day(DateTime day)
    {
        var r = SeededRandom.For(ctx.Seed, "platform", day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        var mlops = MlEmitter.MlActor.Of(Tenant.Services["mlops"]);
        foreach (var job in Tenant.Ml.Schedule)
        {
            var submitted = day.AddHours(job.Hour).AddMinutes(job.Minute).AddSeconds(r.Next(40));
            if (job.Name == "fraud-data-refresh")
            {
                ctx.Ml.DatasetWrite(submitted.AddMinutes(job.DurationMinutes - 2), job.Dataset, mlops, r);
                ctx.ControlPlane.Operation(submitted.AddMinutes(job.DurationMinutes - 2), "Microsoft.MachineLearningServices/workspaces/data/versions/write",
                    $"{Tenant.Ml.WorkspaceResourceId}/data/{job.Dataset}/versions/{day:yyyyMMdd}", ControlPlaneEmitter.Actor.Of(Tenant.Services["mlops"]), r);
            }

            ctx.Ml.Job(submitted, new MlEmitter.JobPlan(job.Name, job.Experiment, job.Cluster, job.Cluster.StartsWith("gpu", StringComparison.Ordinal) ? 4 : 2,
                job.DurationMinutes + r.Next(10), job.Dataset, job.RegistersModel, mlops), r);
            if (job.RegistersModel)
            {
                var registered = submitted.AddMinutes(job.DurationMinutes + 12);
                ctx.ControlPlane.Operation(registered, "Microsoft.MachineLearningServices/workspaces/models/versions/write",
                    $"{Tenant.Ml.WorkspaceResourceId}/models/{Tenant.Ml.Endpoint.ModelName}/versions/{MlEmitter.ModelVersionFor(day)}",
                    ControlPlaneEmitter.Actor.Of(Tenant.Services["mlops"]), r);
                RegistryIntegrityRecord(registered.AddHours(1), MlEmitter.ModelVersionFor(day));
            }
        }

        ctx.ControlPlane.Operation(day.AddHours(1).AddMinutes(25), "Microsoft.MachineLearningServices/workspaces/listKeys/action",
            Tenant.Ml.WorkspaceResourceId, ControlPlaneEmitter.Actor.Of(Tenant.Services["mlops"]), r);

        Engineers(day, r);
        ApplicationLogs(day, r);
        KnowledgeBaseMaintenance(day, r);
        ScoringEndpoint(day, r);
        Inventory(day, r);
        if (r.Chance(0.3))
        {
            var user = r.Pick(Tenant.People);
            ctx.Security.DefenderAlert(day.AddHours(9 + r.Next(8)), "AI.Azure_LLMReconnaissance", "(Preview) LLM Reconnaissance Attempt Detected", "Low",
                "Reconnaissance", "A user asked the model about its configuration and capabilities.",
                new SecurityEmitter.AlertSubject(user, user.OfficeIp, Tenant.OpenAIResourceId, "gpt-4o-prod", null, null, null), r);
        }
    }

    private void Engineers(DateTime day, SeededRandom r)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return;
        }

        foreach (var engineer in Tenant.MlEngineers)
        {
            var actor = MlEmitter.MlActor.Of(engineer);
            var morning = day.AddHours(8).AddMinutes(r.Next(90));
            ctx.Sink.Row("AmlComputeInstanceEvent", morning)
                .Str("AadTenantId", Tenant.EntraTenantId).Str("AmlComputeInstanceName", "ci-" + engineer.Upn.Split('@')[0].Replace('.', '-'))
                .Str("CorrelationId", r.GuidString()).Dyn("Identity", ctx.Ml.Identity(actor)).Str("Level", "Informational")
                .Str("OperationName", "Microsoft.MachineLearningServices/workspaces/computes/start/action").Str("ResultType", "Succeeded")
                .Str("_ResourceId", Tenant.Ml.WorkspaceResourceId.ToLowerInvariant()).End();
            for (var i = r.Next(4); i > 0; i--)
            {
                ctx.Sink.Row("AmlRunEvent", morning.AddMinutes(20 + r.Next(400)))
                    .Str("AadTenantId", Tenant.EntraTenantId).Str("AmlWorkspaceId", Tenant.Ml.WorkspaceId).Dyn("Identity", ctx.Ml.Identity(actor))
                    .Str("OperationName", "Microsoft.MachineLearningServices/workspaces/experiments/runs/read").Str("RunId", "fraud-xgb-retrain_" + r.Hex(8))
                    .Str("_ResourceId", Tenant.Ml.WorkspaceResourceId.ToLowerInvariant()).End();
            }

            if (r.Chance(0.5))
            {
                ctx.Sink.Row("AmlEnvironmentEvent", morning.AddMinutes(30 + r.Next(300)))
                    .Str("AadTenantId", Tenant.EntraTenantId).Str("AmlEnvironmentName", "fraud-training-env").Str("AmlEnvironmentVersion", "7")
                    .Dyn("Identity", ctx.Ml.Identity(actor)).Str("OperationName", "Microsoft.MachineLearningServices/workspaces/environments/read")
                    .Str("_ResourceId", Tenant.Ml.WorkspaceResourceId.ToLowerInvariant()).End();
                ctx.Sink.Row("AmlPipelineEvent", morning.AddMinutes(40 + r.Next(300)))
                    .Str("AadTenantId", Tenant.EntraTenantId).Str("AmlPipelineId", StableIds.Guid("pipeline/fraud")).Str("AmlWorkspaceId", Tenant.Ml.WorkspaceId)
                    .Str("AmlWorkspaceName", Tenant.Ml.Workspace).Str("CorrelationId", r.GuidString()).Dyn("Identity", ctx.Ml.Identity(actor))
                    .Str("OperationName", "Microsoft.MachineLearningServices/workspaces/pipelines/read").Str("ResultType", "Succeeded")
                    .Str("_ResourceId", Tenant.Ml.WorkspaceResourceId.ToLowerInvariant()).End();
                ctx.Ml.RegistryRead(morning.AddMinutes(50 + r.Next(300)), Tenant.Ml.Endpoint.ModelName, Tenant.Ml.Endpoint.ModelVersion, actor, r);
            }

            if (r.Chance(0.4))
            {
                var submitted = morning.AddMinutes(60 + r.Next(360));
                ctx.Ml.Job(submitted, new MlEmitter.JobPlan("exp-" + r.Hex(4), "fraud-xgb-experiments", "cpu-cluster", 1, 15 + r.Next(40),
                    "fraud-labels", false, actor), r);
                ctx.ControlPlane.Operation(submitted, "Microsoft.MachineLearningServices/workspaces/jobs/write",
                    $"{Tenant.Ml.WorkspaceResourceId}/jobs/exp-{r.Hex(6)}", ControlPlaneEmitter.Actor.Of(engineer, engineer.OfficeIp), r);
            }
        }

        var labeler = r.Pick(Tenant.MlEngineers.ToList());
        ctx.Sink.Row("AmlDataLabelEvent", day.AddHours(11).AddMinutes(r.Next(240)))
            .Str("AadTenantId", Tenant.EntraTenantId).Str("AmlDataStoreName", "workspaceblobstore").Str("AmlLabelNames", "fraud,legit")
            .Str("AmlProjectId", StableIds.Guid("label/fraud-review")).Str("AmlProjectName", "fraud-review-labels").Str("CorrelationId", r.GuidString())
            .Dyn("Identity", ctx.Ml.Identity(MlEmitter.MlActor.Of(labeler))).Str("Level", "Informational")
            .Str("OperationName", "Microsoft.MachineLearningServices/workspaces/labeling/projects/read").Str("ResultType", "Succeeded")
            .Str("_ResourceId", Tenant.Ml.WorkspaceResourceId.ToLowerInvariant()).End();

        var reader = r.Pick(Tenant.MlEngineers.ToList());
        ctx.Sink.Row("AmlDeploymentEvent", day.AddHours(10).AddMinutes(r.Next(300)))
            .Str("AadTenantId", Tenant.EntraTenantId).Str("AmlServiceName", "churn-aci").Str("CorrelationId", r.GuidString())
            .Dyn("Identity", ctx.Ml.Identity(MlEmitter.MlActor.Of(reader))).Str("Level", "Informational")
            .Str("OperationName", "Microsoft.MachineLearningServices/workspaces/services/aci/read").Str("ResultType", "Succeeded")
            .Str("_ResourceId", Tenant.Ml.WorkspaceResourceId.ToLowerInvariant()).End();

        // A legacy v1 (ACI) scoring service still answers a few requests a day.
        for (var i = r.Next(5); i > 0; i--)
        {
            ctx.Sink.Row("AmlInferencingEvent", day.AddHours(9 + r.Next(9)).AddSeconds(r.Next(3600)))
                .Str("AadTenantId", Tenant.EntraTenantId).Str("AmlServiceName", "churn-aci").Str("CorrelationId", r.GuidString())
                .Dyn("Identity", ctx.Ml.Identity(MlEmitter.MlActor.Of(Tenant.Services["scoring-client"]))).Str("Level", "Informational")
                .Str("OperationName", "Microsoft.MachineLearningServices/workspaces/services/aci/score").Str("ResultType", "Succeeded")
                .Str("_ResourceId", Tenant.Ml.WorkspaceResourceId.ToLowerInvariant()).End();
        }
    }

    /// <summary>Routine log lines of the applications that export OpenTelemetry logs to Application Insights.</summary>
    private void ApplicationLogs(DateTime day, SeededRandom r)
    {
        foreach (var app in Tenant.Apps.Where(a => a.Channel == AppChannel.OpenTelemetry))
        {
            for (var hour = 0; hour < 24; hour++)
            {
                var (message, level) = r.Chance(0.1)
                    ? ("Model call retried after HTTP 429 from " + app.Deployment.Name, 2)
                    : ("Token cache refreshed for the agent's managed identity", 1);
                ctx.Sink.Row("AppTraces", day.AddHours(hour).AddSeconds(r.Next(3600)))
                    .Str("AppRoleName", app.Name).Str("AppRoleInstance", app.RoleInstance).Str("AppVersion", "2.4.1").Str("ClientIP", "0.0.0.0")
                    .Str("ClientType", "PC").Int("ItemCount", 1).Str("Message", message).Str("OperationId", r.Hex(32))
                    .Dyn("Properties", new System.Text.Json.Nodes.JsonObject { ["CategoryName"] = "Contoso.Agents.Runtime" })
                    .Str("SDKVersion", "otel1.12.0:dotnet").Int("SeverityLevel", level).Str("IKey", StableIds.Guid("ikey/appi-ai-apps"))
                    .Str("_ResourceId", Tenant.AppInsightsResourceId.ToLowerInvariant()).End();
            }
        }
    }

    private void KnowledgeBaseMaintenance(DateTime day, SeededRandom r)
    {
        foreach (var index in Tenant.Indexes)
        {
            for (var i = 2 + r.Next(6); i > 0; i--)
            {
                var document = r.Pick(index.Documents);
                if (document.Planted)
                {
                    continue;
                }

                var owner = Tenant.People.FirstOrDefault(p => p.Upn == document.Owner) ?? Tenant.People[0];
                ctx.KnowledgeBase.Write(day.AddHours(8 + r.Next(9)).AddSeconds(r.Next(3600)), index, document, "Update", owner.Upn, owner.ObjectId,
                    "User", owner.OfficeIp, null, r);
            }
        }
    }

    private void ScoringEndpoint(DateTime day, SeededRandom r)
    {
        var client = Tenant.Services["scoring-client"];
        for (var t = day.AddSeconds(r.Next(60)); t < day.AddDays(1); t = t.AddSeconds(30 + r.Next(90)))
        {
            ctx.Ml.EndpointRequest(t, client, r.Chance(0.002) ? 500 : 200, r);
        }

        for (var hour = 0; hour < 24; hour++)
        {
            ctx.Sink.Row("AmlOnlineEndpointConsoleLog", day.AddHours(hour).AddMinutes(59))
                .Str("ContainerImageName", "contosoacr.azurecr.io/fraud-scoring:12").Str("ContainerName", "inference-server")
                .Str("DeploymentName", "blue").Str("InstanceId", "blue-" + r.Hex(6)).Str("Message", $"INFO scored {40 + r.Next(120)} requests in the last hour")
                .Str("OperationName", "ConsoleLog").Str("_ResourceId", (Tenant.Ml.WorkspaceResourceId + "/onlineEndpoints/fraud-scoring").ToLowerInvariant()).End();
        }

        ctx.Sink.Row("AmlOnlineEndpointEventLog", day.AddHours(r.Next(24)).AddMinutes(r.Next(60)))
            .Str("DeploymentName", "blue").Str("InstanceId", "blue-" + r.Hex(6)).Str("Message", "Liveness probe succeeded after container restart")
            .Str("Name", "ContainerRestarted").Str("OperationName", "EventLog")
            .Str("_ResourceId", (Tenant.Ml.WorkspaceResourceId + "/onlineEndpoints/fraud-scoring").ToLowerInvariant()).End();
    }

    /// <summary>
    /// The collector's record of a version the pipeline registered: the registry's hash, no deployment yet
    /// (IntegrityStatus Unavailable: nothing deployed to compare). Without it every nightly registration lacks an
    /// integrity record, which a tenant running the collector over its registry would not see.
    /// </summary>
    private void RegistryIntegrityRecord(DateTime t, string version)
    {
        var model = Tenant.Ml.Endpoint.ModelName;
        ctx.Sink.Row("AIModelInventory_CL", t)
            .Str("CollectorRunId", "inv-registry-" + t.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)).Str("Platform", "AzureML")
            .Str("ResourceId", Tenant.Ml.RegistryResourceId).Str("ServiceName", Tenant.Ml.Registry).Str("ModelName", model).Str("ModelVersion", version)
            .Str("ModelAssetId", $"azureml://registries/{Tenant.Ml.Registry}/models/{model}/versions/{version}").Str("RegistryName", Tenant.Ml.Registry)
            .Str("RegisteredSha256", Hashing.Sha256Hex($"registry/{model}/{version}")).Str("IntegrityStatus", "Unavailable")
            .Str("ScanStatus", "Clean").Str("DeployedBy", Tenant.Services["mlops"].Name).End();
    }

    private void Inventory(DateTime day, SeededRandom r)
    {
        for (var hour = 0; hour < 24; hour += 6)
        {
            var t = day.AddHours(hour).AddMinutes(5);
            var run = "inv-" + t.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
            foreach (var deployment in Tenant.Deployments)
            {
                var unverified = ctx.Behavior.UnverifiedAt(deployment.Name, t);
                var deployed = ctx.Behavior.ArtifactAt(deployment.Name, t) ?? (unverified is null ? deployment.Sha256 : Hashing.Sha256Hex("unverified/" + deployment.Name));
                var registered = unverified is null ? deployment.Sha256 : string.Empty;
                var version = unverified?.Version ?? ctx.Behavior.VersionAt(deployment.Name, t) ?? deployment.ModelVersion;
                var status = string.IsNullOrEmpty(registered) ? "NotRegistered" : deployed == registered ? "Verified" : "Mismatch";
                ctx.Sink.Row("AIModelInventory_CL", t)
                    .Str("CollectorRunId", run).Str("Platform", deployment.Platform).Str("ResourceId", deployment.ResourceId)
                    .Str("ServiceName", deployment.ServiceName).Str("EndpointName", deployment.EndpointName).Str("DeploymentName", deployment.Name)
                    .Str("ModelName", unverified?.ModelName ?? deployment.ModelName).Str("ModelVersion", version)
                    .Str("ModelAssetId", deployment.Platform == "AzureML" ? $"azureml://registries/{Tenant.Ml.Registry}/models/{deployment.ModelName}/versions/{version}" : $"azureopenai://models/{deployment.ModelName}/versions/{version}")
                    .Str("RegistryName", deployment.Platform == "AzureML" ? Tenant.Ml.Registry : "azure-openai")
                    .Str("DeployedSha256", deployed).Str("RegisteredSha256", registered).Str("IntegrityStatus", status)
                    .Str("ScanStatus", unverified is null ? "Clean" : "NotScanned").Str("DeployedBy", Tenant.Services["mlops"].Name)
                    .Time("DeployedAt", ctx.Start.AddDays(-20)).Int("TrafficPercent", deployment.Platform == "AzureML" ? 100 : null)
                    .Str("RaiPolicyName", deployment.RaiPolicy).End();
            }

        }
    }
}
