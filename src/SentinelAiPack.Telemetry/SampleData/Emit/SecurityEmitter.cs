using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Output;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>Defender for Cloud AI alerts (SecurityAlert), Sentinel incidents and Entra sign-ins.</summary>
public sealed class SecurityEmitter(GenerationContext ctx)
{
    /// <summary>The alert's subject: who, from where, on which deployment or agent, in which conversation.</summary>
    public sealed record AlertSubject(Person? User, string? ClientIp, string ResourceId, string? Deployment, string? Agent, string? SessionId, string? ConversationId);

    public string DefenderAlert(DateTime t, string alertType, string alertName, string severity, string tactics, string description,
        AlertSubject subject, SeededRandom r, string? evidence = null)
    {
        var alertId = r.GuidString();
        var entities = new JsonArray();
        var next = 2;
        entities.Add(new JsonObject { ["$id"] = (next++).ToString(System.Globalization.CultureInfo.InvariantCulture), ["ResourceId"] = subject.ResourceId, ["Type"] = "azure-resource" });
        if (subject.User is { } user)
        {
            var at = user.Upn.IndexOf('@', StringComparison.Ordinal);
            entities.Add(new JsonObject
            {
                ["$id"] = (next++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Name"] = user.Upn[..at],
                ["UPNSuffix"] = user.Upn[(at + 1)..],
                ["AadUserId"] = user.ObjectId,
                ["Type"] = "account",
            });
        }

        if (subject.ClientIp is { } ip)
        {
            entities.Add(new JsonObject { ["$id"] = (next++).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Address"] = ip, ["Type"] = "ip" });
        }

        var properties = new JsonObject
        {
            ["Alert Type"] = alertType,
            ["resourceType"] = subject.ResourceId.Contains("/workspaces/", StringComparison.OrdinalIgnoreCase) ? "Machine Learning workspace" : "Azure AI Services",
        };
        Add(properties, "Deployment", subject.Deployment);
        Add(properties, "Agent Name", subject.Agent);
        Add(properties, "End user id", subject.User?.ObjectId);
        Add(properties, "Source IP", subject.ClientIp);
        Add(properties, "Session Id", subject.SessionId);
        Add(properties, "Conversation Id", subject.ConversationId);
        Add(properties, "Suspicious prompt evidence", evidence);

        ctx.Sink.Row("SecurityAlert", t.AddMinutes(4 + r.Next(12)))
            .Str("AlertName", alertName).Str("DisplayName", alertName).Str("AlertSeverity", severity).Str("AlertType", alertType)
            .Str("CompromisedEntity", subject.Deployment ?? subject.Agent ?? subject.ResourceId[(subject.ResourceId.LastIndexOf('/') + 1)..])
            .Str("ConfidenceLevel", "Unknown").Str("Description", description).Time("StartTime", t).Time("EndTime", t.AddMinutes(2))
            .Time("ProcessingEndTime", t.AddMinutes(5)).JsonText("Entities", entities).JsonText("ExtendedProperties", properties)
            .Bool("IsIncident", false).Str("ProductName", "Azure Security Center").Str("ProductComponentName", "AI")
            .Str("ProviderName", "Azure Security Center").Str("ResourceId", subject.ResourceId).Str("Status", "New")
            .Str("SystemAlertId", alertId).Str("Tactics", tactics).Str("VendorName", "Microsoft").Str("VendorOriginalId", r.Hex(32))
            .Str("AlertLink", "https://portal.azure.com/#blade/Microsoft_Azure_Security_AzureDefenderForData/AlertBlade/alertId/" + alertId)
            .Str("WorkspaceSubscriptionId", ctx.Tenant.SubscriptionId).Str("WorkspaceResourceGroup", "rg-sentinel")
            .End();
        return alertId;
    }

    /// <summary>A Sentinel incident as its rows describe it; every change adds a row with the same name and number.</summary>
    public sealed record IncidentRecord(string Name, int Number, string Title, string Severity, DateTime Created, IReadOnlyList<string> AlertIds);

    /// <summary>Opens an incident (status New) over <paramref name="alertIds"/>.</summary>
    public IncidentRecord Incident(DateTime t, string title, string severity, IReadOnlyList<string> alertIds, SeededRandom r)
    {
        var incident = new IncidentRecord(r.GuidString(), 1000 + r.Next(9000), title, severity, t, alertIds);
        IncidentRow(incident, t, "New", null, "Incident created from alert");
        return incident;
    }

    /// <summary>An analyst takes the incident: status Active with an owner.</summary>
    public void AssignIncident(IncidentRecord incident, DateTime t, Person analyst) =>
        IncidentRow(incident, t, "Active", analyst, analyst.Upn);

    /// <summary>The analyst closes the incident with a classification (TruePositive, BenignPositive, FalsePositive, Undetermined).</summary>
    public void CloseIncident(IncidentRecord incident, DateTime t, Person analyst, string classification, string reason, string comment) =>
        IncidentRow(incident, t, "Closed", analyst, analyst.Upn, w => w.Str("Classification", classification).Str("ClassificationReason", reason)
            .Str("ClassificationComment", comment).Time("ClosedTime", t));

    private void IncidentRow(IncidentRecord incident, DateTime t, string status, Person? owner, string modifiedBy, Func<RowWriter, RowWriter>? closing = null)
    {
        var row = ctx.Sink.Row("SecurityIncident", t)
            .Str("IncidentName", incident.Name).Int("IncidentNumber", incident.Number).Str("Title", incident.Title).Str("Description", incident.Title)
            .Str("Severity", incident.Severity).Str("Status", status).Str("ProviderName", "Azure Sentinel")
            .Str("ProviderIncidentId", incident.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Time("CreatedTime", incident.Created).Time("FirstActivityTime", incident.Created.AddMinutes(-15)).Time("LastActivityTime", incident.Created)
            .Time("FirstModifiedTime", incident.Created).Time("LastModifiedTime", t).Dyn("AlertIds", RetrievalEmitter.Strings(incident.AlertIds))
            .Dyn("Labels", new JsonArray())
            .Dyn("Owner", new JsonObject { ["objectId"] = owner?.ObjectId, ["email"] = owner?.Upn, ["userPrincipalName"] = owner?.Upn, ["assignedTo"] = owner?.DisplayName })
            .Str("ModifiedBy", modifiedBy)
            .Str("IncidentUrl", "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/" + incident.Name);
        (closing?.Invoke(row) ?? row).End();
    }

    public void SignIn(Person user, DateTime t, string appName, string ip, SeededRandom r, string riskLevel = "none")
    {
        var at = user.Upn.IndexOf('@', StringComparison.Ordinal);
        ctx.Sink.Row("SigninLogs", t)
            .Str("AADTenantId", ctx.Tenant.EntraTenantId).Str("AppDisplayName", appName).Str("AppId", StableIds.Guid("app/" + appName))
            .Str("AuthenticationRequirement", "multiFactorAuthentication").Str("Category", "SignInLogs").Str("ClientAppUsed", "Browser")
            .Str("ConditionalAccessStatus", "success").Str("CorrelationId", r.GuidString()).Time("CreatedDateTime", t)
            .Dyn("DeviceDetail", new JsonObject { ["operatingSystem"] = user.UserAgent.Contains("Mac", StringComparison.Ordinal) ? "MacOs" : "Windows10", ["browser"] = "Edge 126.0.0" })
            .Str("HomeTenantId", ctx.Tenant.EntraTenantId).Str("Id", r.GuidString()).Str("Identity", user.DisplayName).Str("IPAddress", ip)
            .Bool("IsInteractive", true).Bool("IsRisky", riskLevel != "none").Str("Level", "4").Str("Location", user.Country)
            .Dyn("LocationDetails", new JsonObject { ["countryOrRegion"] = user.Country, ["city"] = user.Country == "NL" ? "Amsterdam" : "Unknown" })
            .Str("OperationName", "Sign-in activity").Str("OperationVersion", "1.0").Str("ResourceDisplayName", appName)
            .Str("ResultType", "0").Str("RiskLevelAggregated", riskLevel).Str("RiskLevelDuringSignIn", riskLevel).Str("RiskState", riskLevel == "none" ? "none" : "atRisk")
            .Dyn("Status", new JsonObject { ["errorCode"] = 0 }).Str("TokenIssuerType", "AzureAD").Str("UniqueTokenIdentifier", r.Hex(22))
            .Str("UserAgent", user.UserAgent).Str("UserDisplayName", user.DisplayName).Str("UserId", user.ObjectId)
            .Str("UserPrincipalName", user.Upn).Str("UserType", "Member").Str("AlternateSignInName", user.Upn[..at] + "@" + user.Upn[(at + 1)..])
            .End();
    }

    private static void Add(JsonObject properties, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties[key] = value;
        }
    }
}
