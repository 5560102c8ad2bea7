using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>Azure Machine Learning diagnostics (jobs, runs, clusters, datasets, registry, endpoint) and firewall egress of training nodes.</summary>
public sealed class MlEmitter(GenerationContext ctx)
{
    private static readonly string[] PackageHosts = ["pypi.org", "files.pythonhosted.org", "mcr.microsoft.com"];

    /// <summary>Who acted in an Azure ML log: a name (UPN or app name) and an Entra object id.</summary>
    public sealed record MlActor(string Name, string ObjectId, string Ip)
    {
        public static MlActor Of(Person p) => new(p.Upn, p.ObjectId, p.OfficeIp);

        public static MlActor Of(ServiceIdentity s) => new(s.Name, s.ObjectId, "10.30.1.20");
    }

    /// <summary>A training or data job from submission to completion, with the cluster scaling, data reads, GPU use and egress it causes.</summary>
    public sealed record JobPlan(string Name, string Experiment, string Cluster, int Nodes, int DurationMinutes, string Dataset, bool RegistersModel, MlActor Submitter)
    {
        public IReadOnlyList<(string Destination, int Port, bool IsFqdn)> ExtraEgress { get; init; } = [];

        public string Status { get; init; } = "Completed";
    }

    private MlEstate Ml => ctx.Tenant.Ml;

    public JsonObject Identity(MlActor actor) => new()
    {
        ["UserName"] = actor.Name,
        ["UserObjectId"] = actor.ObjectId,
        ["UserTenantId"] = ctx.Tenant.EntraTenantId,
    };

    public string Job(DateTime submitted, JobPlan plan, SeededRandom r)
    {
        var cluster = Ml.Clusters.First(c => c.Name == plan.Cluster);
        var runId = $"{plan.Name}_{r.Hex(8)}";
        var started = submitted.AddMinutes(2 + r.Next(4));
        var finished = started.AddMinutes(plan.DurationMinutes);
        var failed = plan.Status == "Failed";

        foreach (var (status, at) in new[] { ("Queued", submitted), ("Running", started), (failed ? "Failed" : "Completed", finished) })
        {
            ctx.Sink.Row("AmlRunStatusChangedEvent", at)
                .Str("CallerIpAddress", plan.Submitter.Ip).Str("CorrelationId", r.GuidString()).Str("DurationMs", "0").Str("Identity", plan.Submitter.Name)
                .Str("Level", failed && status == "Failed" ? "Error" : "Informational").Str("Location", SimulatedTenant.Region)
                .Str("Message", $"Run {runId} is {status}").Str("OperationName", "Microsoft.MachineLearningServices/workspaces/runs/statuschange")
                .Str("ResultType", "Succeeded").Str("RunId", runId).Str("RootRunId", runId).Str("Status", status)
                .Str("TriggeringUserName", plan.Submitter.Name).Str("WorkspaceId", Ml.WorkspaceId).Str("WorkspaceName", Ml.Workspace)
                .Str("_ResourceId", Ml.WorkspaceResourceId.ToLowerInvariant()).End();
        }

        foreach (var (eventType, at) in new[] { ("JobSubmitted", submitted), ("JobRunning", started), (failed ? "JobFailed" : "JobSucceeded", finished) })
        {
            ctx.Sink.Row("AmlComputeJobEvent", at)
                .Str("ClusterId", StableIds.Guid("cluster/" + plan.Cluster)).Str("ClusterName", plan.Cluster).Str("ClusterResourceGroupName", SimulatedTenant.ResourceGroup)
                .Str("CustomerSubscriptionId", ctx.Tenant.SubscriptionId).Str("EventType", eventType)
                .Str("ExecutionState", eventType switch { "JobSubmitted" => "Queued", "JobRunning" => "Running", "JobFailed" => "Failed", _ => "Succeeded" })
                .Str("ExperimentId", StableIds.Guid("experiment/" + plan.Experiment)).Str("ExperimentName", plan.Experiment)
                .Str("JobId", runId).Str("JobName", plan.Name).Str("OperationName", "Microsoft.MachineLearningServices/workspaces/jobs/" + eventType)
                .Str("ResourceGroupName", SimulatedTenant.ResourceGroup).Str("ToolType", "CommandJob").Str("WorkspaceName", Ml.Workspace)
                .Str("JobErrorMessage", eventType == "JobFailed" ? "UserError: process exited with code 1" : null)
                .Str("_ResourceId", Ml.WorkspaceResourceId.ToLowerInvariant()).End();
        }

        ClusterScale(submitted.AddMinutes(1), plan.Cluster, cluster.VmSize, plan.Nodes, plan.Submitter.Name, r);
        ClusterScale(finished.AddMinutes(10), plan.Cluster, cluster.VmSize, 0, plan.Submitter.Name, r);
        for (var node = 0; node < plan.Nodes; node++)
        {
            ctx.Sink.Row("AmlComputeClusterNodeEvent", started.AddSeconds(-30 - node))
                .Str("ClusterName", plan.Cluster).Str("NodeId", $"tvmps_{r.Hex(12)}_d").Time("NodeAllocationTime", started.AddMinutes(-2))
                .Time("NodeBootTime", started.AddMinutes(-1)).Str("OperationName", "NodeAllocated").Str("VmSize", cluster.VmSize)
                .Str("VmPriority", "Dedicated").Str("VmFamilyName", cluster.VmSize.Contains("A100", StringComparison.Ordinal) ? "NCADSA100v4" : "DSv5")
                .Str("TotalE2ETimeInSeconds", (90 + r.Next(60)).ToString(CultureInfo.InvariantCulture)).End();
        }

        DatasetRead(started, plan.Dataset, plan.Submitter, r);
        ctx.Sink.Row("AmlDataStoreEvent", started.AddSeconds(5))
            .Str("AadTenantId", ctx.Tenant.EntraTenantId).Str("AmlDatastoreName", Ml.Datastores[0]).Str("AmlWorkspaceId", Ml.WorkspaceId)
            .Dyn("Identity", Identity(plan.Submitter)).Str("OperationName", "Microsoft.MachineLearningServices/workspaces/datastores/read")
            .Str("ResultType", "Succeeded").Str("_ResourceId", Ml.WorkspaceResourceId.ToLowerInvariant()).End();

        var gpu = cluster.VmSize.Contains("NC", StringComparison.Ordinal);
        for (var at = started; at < finished; at = at.AddMinutes(15))
        {
            for (var node = 0; node < plan.Nodes; node++)
            {
                ctx.Sink.Row("AmlComputeCpuGpuUtilization", at)
                    .Str("ClusterName", plan.Cluster).Str("DeviceType", gpu ? "GPU" : "CPU").Str("DeviceId", gpu ? "0" : null)
                    .Str("MetricName", gpu ? "GpuUtilization" : "CpuUtilization").Str("NodeId", $"node-{node}").Str("RunId", runId)
                    .Str("Utilization", (55 + r.Next(44)).ToString(CultureInfo.InvariantCulture)).Str("WorkspaceName", Ml.Workspace)
                    .Str("WorkspaceId", Ml.WorkspaceId).Str("Location", SimulatedTenant.Region).Str("OperationName", "UtilizationMetric")
                    .Str("ResultType", "Succeeded").Str("_ResourceId", Ml.WorkspaceResourceId.ToLowerInvariant()).End();
            }
        }

        for (var node = 0; node < plan.Nodes; node++)
        {
            var ip = Ml.TrainingNodeIps[node % Ml.TrainingNodeIps.Count];
            foreach (var host in PackageHosts)
            {
                Egress(started.AddSeconds(20 + r.Next(40)), ip, host, 443, isFqdn: true, "Allow", "allow-package-feeds", r);
            }

            Egress(started.AddMinutes(3), ip, "contosomlstore.blob.core.windows.net", 443, isFqdn: true, "Allow", "allow-ml-storage", r);
            foreach (var (destination, port, isFqdn) in plan.ExtraEgress)
            {
                Egress(started.AddMinutes(plan.DurationMinutes / 2).AddSeconds(node), ip, destination, port, isFqdn, "Allow",
                    isFqdn ? "allow-https-outbound" : "allow-any-outbound", r);
            }
        }

        if (plan.RegistersModel && !failed)
        {
            ModelEvent(finished.AddMinutes(1), Ml.Endpoint.ModelName, "Microsoft.MachineLearningServices/workspaces/models/versions/write", plan.Submitter, r);
        }

        return runId;
    }

    public void ClusterScale(DateTime t, string cluster, string vmSize, int nodes, string createdBy, SeededRandom r) =>
        ctx.Sink.Row("AmlComputeClusterEvent", t)
            .Str("AllocationState", nodes > 0 ? "Resizing" : "Steady").Time("AllocationStateTransitionTime", t).Str("ClusterName", cluster)
            .Str("ClusterType", "AmlCompute").Int("CoreCount", nodes * (vmSize.Contains("A100", StringComparison.Ordinal) ? 24 : 16))
            .Str("CreatedBy", createdBy).Int("CurrentNodeCount", nodes).Str("EventType", "ResizeEvent").Int("MaximumNodeCount", 10)
            .Int("MinimumNodeCount", 0).Str("OperationName", "Microsoft.MachineLearningServices/workspaces/computes/resize")
            .Str("ProvisioningState", "Succeeded").Str("ScalingType", "Auto").Int("TargetNodeCount", nodes).Str("VmSize", vmSize)
            .Str("VmPriority", "Dedicated").Str("IsResizeGrow", nodes > 0 ? "True" : "False").Str("ResultSignature", "200")
            .Str("_ResourceId", (ctx.Tenant.Ml.WorkspaceResourceId + "/computes/" + cluster).ToLowerInvariant()).End();

    public void DatasetRead(DateTime t, string dataset, MlActor actor, SeededRandom r) => DatasetEvent(t, dataset, "read", actor, r);

    public void DatasetWrite(DateTime t, string dataset, MlActor actor, SeededRandom r) => DatasetEvent(t, dataset, "write", actor, r);

    public void ModelEvent(DateTime t, string model, string operation, MlActor actor, SeededRandom r) =>
        ctx.Sink.Row("AmlModelsEvent", t)
            .Str("AadTenantId", ctx.Tenant.EntraTenantId).Str("AmlModelName", model).Str("CorrelationId", r.GuidString())
            .Dyn("Identity", Identity(actor)).Str("Level", "Informational").Str("OperationName", operation)
            .Str("ResultSignature", operation.EndsWith("/read", StringComparison.Ordinal) ? "200" : "201").Str("ResultType", "Succeeded")
            .Str("_ResourceId", Ml.WorkspaceResourceId.ToLowerInvariant()).End();

    public void RegistryWrite(DateTime t, string asset, string version, MlActor actor, SeededRandom r) =>
        ctx.Sink.Row("AmlRegistryWriteEventsLog", t)
            .Str("AssetName", asset).Str("AssetVersion", version).Str("CorrelationId", r.GuidString()).Str("Labels", "model")
            .Str("RegistryResourceId", Ml.RegistryResourceId).Str("RegistryTenantId", ctx.Tenant.EntraTenantId)
            .Str("_ResourceId", Ml.RegistryResourceId.ToLowerInvariant()).Str("UserName", actor.Name).Str("UserObjectId", actor.ObjectId).End();

    public void RegistryRead(DateTime t, string asset, string version, MlActor actor, SeededRandom r) =>
        ctx.Sink.Row("AmlRegistryReadEventsLog", t)
            .Str("AssetName", asset).Str("AssetVersion", version).Str("CorrelationId", r.GuidString()).Str("Labels", "model")
            .Str("RegistryResourceId", Ml.RegistryResourceId).Str("RegistryTenantId", ctx.Tenant.EntraTenantId)
            .Str("_ResourceId", Ml.RegistryResourceId.ToLowerInvariant()).Str("UserName", actor.Name).Str("UserObjectId", actor.ObjectId).End();

    public void Egress(DateTime t, string sourceIp, string destination, int port, bool isFqdn, string action, string rule, SeededRandom r)
    {
        var row = ctx.Sink.Row(isFqdn ? "AZFWApplicationRule" : "AZFWNetworkRule", t)
            .Str("Action", action).Int("DestinationPort", port).Str("Policy", "fw-policy-ai").Str("Protocol", isFqdn ? "HTTPS" : "TCP")
            .Str("_ResourceId", ctx.Tenant.FirewallResourceId.ToLowerInvariant()).Str("Rule", rule).Str("RuleCollection", "ml-training-egress")
            .Str("RuleCollectionGroup", "ai-workloads").Str("SourceIp", sourceIp).Int("SourcePort", 40000 + r.Next(20000))
            .Str("_SubscriptionId", ctx.Tenant.SubscriptionId);
        if (isFqdn)
        {
            row.Str("Fqdn", destination).Str("TargetUrl", "https://" + destination + "/").Bool("IsTlsInspected", false)
                .Bool("IsExplicitProxyRequest", false).Str("WebCategory", destination.EndsWith(".example", StringComparison.Ordinal) ? "Uncategorized" : "ComputersAndTechnology");
        }
        else
        {
            row.Str("DestinationIp", destination);
        }

        row.End();
    }

    public void EndpointRequest(DateTime t, ServiceIdentity caller, int status, SeededRandom r)
    {
        var endpoint = Ml.Endpoint;
        var total = 20 + r.Next(60);
        ctx.Sink.Row("AmlOnlineEndpointTrafficLog", t)
            .Str("AuthType", "AADToken").Str("AzureMLWorkspaceId", Ml.WorkspaceId).Str("AzureMLWorkspaceName", Ml.Workspace)
            .Str("DeploymentName", endpoint.Name).Str("EndpointName", endpoint.EndpointName).Str("IdentityData", caller.ObjectId)
            .Str("Location", SimulatedTenant.Region).Str("Method", "POST").Int("ModelStatusCode", status).Str("ModelStatusReason", status == 200 ? "OK" : "Internal Server Error")
            .Str("OperationName", "score").Str("Path", "/score").Str("Protocol", "HTTP/1.1").Int("RequestDurationMs", 2 + r.Next(5))
            .Int("RequestPayloadSize", 800 + r.Next(1200)).Int("RequestThrottlingDelayMs", 0).Int("ResponseCode", status)
            .Str("ResponseCodeReason", status == 200 ? "OK" : "Internal Server Error").Int("ResponseDurationMs", total - 3)
            .Int("ResponsePayloadSize", 60 + r.Next(40)).Int("ResponseThrottlingDelayMs", 0).Int("TotalDurationMs", total)
            .Str("UserAgent", "fraud-scoring-client/3.1").Str("XMSClientRequestId", r.GuidString()).Str("XRequestId", r.GuidString())
            .Str("_ResourceId", (Ml.WorkspaceResourceId + "/onlineEndpoints/" + endpoint.EndpointName).ToLowerInvariant()).End();
    }

    /// <summary>The model version the nightly retrain registers on a given day (candidates; the endpoint keeps serving version 12).</summary>
    public static string ModelVersionFor(DateTime t) => "13-rc" + t.ToString("MMdd", CultureInfo.InvariantCulture);

    private void DatasetEvent(DateTime t, string dataset, string verb, MlActor actor, SeededRandom r) =>
        ctx.Sink.Row("AmlDataSetEvent", t)
            .Str("AadTenantId", ctx.Tenant.EntraTenantId).Str("AmlDatasetId", StableIds.Guid("dataset/" + dataset)).Str("AmlDatasetName", dataset)
            .Str("AmlWorkspaceId", Ml.WorkspaceId).Dyn("Identity", Identity(actor))
            .Str("OperationName", $"Microsoft.MachineLearningServices/workspaces/datasets/{verb}").Str("ResultType", "Succeeded")
            .Str("_ResourceId", Ml.WorkspaceResourceId.ToLowerInvariant()).End();
}
