using System.Text.RegularExpressions;

namespace SentinelAiPack.Azure.MachineLearning;

/// <summary>
/// Where a model version is registered, parsed from the forms an online deployment's <c>properties.model</c> takes:
/// an ARM id of a workspace or registry model version, <c>azureml://registries/{registry}/models/{name}/versions/{v}</c>,
/// <c>azureml://subscriptions/{s}/resourceGroups/{rg}/workspaces/{ws}/models/{name}/versions/{v}</c>, or the short
/// <c>azureml:{name}:{version}</c> relative to the deployment's own workspace.
/// </summary>
public sealed partial record ModelAssetReference(string Name, string Version, MachineLearningWorkspace? Workspace, string? RegistryName, MachineLearningRegistry? Registry)
{
    /// <summary>Parses <paramref name="assetId"/>; null when it is none of the documented forms.</summary>
    /// <param name="assetId">The deployment's model reference.</param>
    /// <param name="deploymentWorkspace">Workspace the short form is relative to.</param>
    public static ModelAssetReference? TryParse(string? assetId, MachineLearningWorkspace deploymentWorkspace)
    {
        ArgumentNullException.ThrowIfNull(deploymentWorkspace);
        if (string.IsNullOrWhiteSpace(assetId))
        {
            return null;
        }

        var text = assetId.Trim();
        if (ArmModel().Match(text) is { Success: true } arm)
        {
            var (sub, rg, kind, parent) = (arm.Groups["sub"].Value, arm.Groups["rg"].Value, arm.Groups["kind"].Value, arm.Groups["parent"].Value);
            return kind.Equals("registries", StringComparison.OrdinalIgnoreCase)
                ? new(arm.Groups["name"].Value, arm.Groups["version"].Value, null, parent, new MachineLearningRegistry(sub, rg, parent))
                : new(arm.Groups["name"].Value, arm.Groups["version"].Value, new MachineLearningWorkspace(sub, rg, parent), null, null);
        }

        if (RegistryUri().Match(text) is { Success: true } registry)
        {
            return new(registry.Groups["name"].Value, registry.Groups["version"].Value, null, registry.Groups["registry"].Value, null);
        }

        if (WorkspaceUri().Match(text) is { Success: true } workspace)
        {
            return new(workspace.Groups["name"].Value, workspace.Groups["version"].Value,
                new MachineLearningWorkspace(workspace.Groups["sub"].Value, workspace.Groups["rg"].Value, workspace.Groups["ws"].Value), null, null);
        }

        return ShortForm().Match(text) is { Success: true } shortForm
            ? new(shortForm.Groups["name"].Value, shortForm.Groups["version"].Value, deploymentWorkspace, null, null)
            : null;
    }

    /// <summary>The asset id in the <c>azureml://registries/…</c> or ARM form, for the inventory's ModelAssetId column.</summary>
    public string Display => RegistryName is { } registry
        ? $"azureml://registries/{registry}/models/{Name}/versions/{Version}"
        : $"azureml://subscriptions/{Workspace!.SubscriptionId}/resourceGroups/{Workspace.ResourceGroup}/workspaces/{Workspace.WorkspaceName}/models/{Name}/versions/{Version}";

    [GeneratedRegex(@"^/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)/providers/Microsoft\.MachineLearningServices/(?<kind>workspaces|registries)/(?<parent>[^/]+)/models/(?<name>[^/]+)/versions/(?<version>[^/]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArmModel();

    [GeneratedRegex(@"^azureml://registries/(?<registry>[^/]+)/models/(?<name>[^/]+)/versions/(?<version>[^/]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegistryUri();

    [GeneratedRegex(@"^azureml://subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)/workspaces/(?<ws>[^/]+)/models/(?<name>[^/]+)/versions/(?<version>[^/]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkspaceUri();

    [GeneratedRegex(@"^azureml:(?<name>[^:/]+):(?<version>[^:/]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortForm();
}
