using System.Text.Json.Nodes;
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

    public void Incident(DateTime t, string title, string severity, IReadOnlyList<string> alertIds, SeededRandom r)
    {
        var number = 1000 + r.Next(9000);
        var name = r.GuidString();
        ctx.Sink.Row("SecurityIncident", t)
            .Str("IncidentName", name).Int("IncidentNumber", number).Str("Title", title).Str("Description", title)
            .Str("Severity", severity).Str("Status", "New").Str("ProviderName", "Azure Sentinel").Str("ProviderIncidentId", number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Time("CreatedTime", t).Time("FirstActivityTime", t.AddMinutes(-15)).Time("LastActivityTime", t).Time("FirstModifiedTime", t)
            .Time("LastModifiedTime", t).Dyn("AlertIds", RetrievalEmitter.Strings(alertIds)).Dyn("Labels", new JsonArray())
            .Dyn("Owner", new JsonObject { ["objectId"] = null, ["email"] = null }).Str("ModifiedBy", "Incident created from alert")
            .Str("IncidentUrl", "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/" + name)
            .End();
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
