using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

/// <summary>
/// The containment playbooks for the analyst guide's workflow step 5 ("terminate the session, block the user, preserve
/// artifacts") and its infrastructure counterparts: revoke a user's sessions, disable an agent's gateway key or a model
/// deployment, rotate an AI service key, quarantine a knowledge-base document, preserve the incident's evidence.
/// </summary>
public static partial class ContainmentPlaybooks
{
    private const string InitialRelease = "Initial version";

    // Filters see every entity of the incident, most without the property they test; WDL evaluates every argument of
    // and() and contains() of null is an error, so a missing property reads as ''.
    private const string ResourceId = "string(coalesce(item()?['properties']?['resourceId'], ''))";

    private const string UrlProperty = "string(coalesce(item()?['properties']?['url'], ''))";

    /// <summary>The host of a URL entity: the third '/'-separated part (https: / '' / host / path...).</summary>
    private const string BlobHost = "string(coalesce(first(skip(split(string(coalesce(item()?['properties']?['url'], '')), '/'), 2)), ''))";

    private const string AadUserIdProperty = "string(coalesce(item()?['properties']?['aadUserId'], ''))";

    private const string TargetResourceId = "items('For_each_target')?['properties']?['resourceId']";

    private const string LowerTargetResourceId = "toLower(items('For_each_target')?['properties']?['resourceId'])";

    /// <summary>An ARM id that is safe to put after https://management.azure.com: starts with /subscriptions/, no query, fragment or dot segments.</summary>
    private static string ArmIdShape(string id) =>
        $"startsWith(toLower({id}), '/subscriptions/'), not(contains({id}, '?')), not(contains({id}, '#')), not(contains({id}, '..'))";

    private static string Entity(string kind) => $"equals(item()?['kind'], '{kind}')";

    /// <summary>/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.ApiManagement/service/{n}/subscriptions/{sid}, nothing after sid.</summary>
    private static string IsApimSubscription(string id) =>
        $"and(contains(toLower({id}), '/providers/microsoft.apimanagement/service/'), equals(length(split(toLower({id}), '/subscriptions/')), 3), " +
        $"not(contains(last(split(toLower({id}), '/subscriptions/')), '/')), not(empty(last(split(toLower({id}), '/subscriptions/')))))";

    private static string IsMlOnlineDeployment(string id) =>
        $"and(contains(toLower({id}), '/providers/microsoft.machinelearningservices/workspaces/'), contains(toLower({id}), '/onlineendpoints/'), contains(toLower({id}), '/deployments/'), " +
        $"not(contains(last(split(toLower({id}), '/deployments/')), '/')), not(empty(last(split(toLower({id}), '/deployments/')))))";

    private static string IsCognitiveServicesAccount(string id) => $"contains(toLower({id}), '/providers/microsoft.cognitiveservices/accounts/')";

    /// <summary>Every containment playbook, in the order of the guide's step 5.</summary>
    public static IReadOnlyList<ContainmentPlaybook> All { get; } =
    [
        RevokeUserSessions(), DisableAgentOrDeployment(), RotateAiKey(), QuarantineKnowledgeDocument(), PreserveIncidentEvidence(),
    ];
}
