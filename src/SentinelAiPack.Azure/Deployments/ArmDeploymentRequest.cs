using System.Text.Json.Nodes;

namespace SentinelAiPack.Azure.Deployments;

/// <summary>
/// One resource-group deployment. <see cref="Parameters"/> uses the ARM form
/// <c>{ "name": { "value": … } }</c>, as in a parameters file's <c>parameters</c> object.
/// </summary>
public sealed record ArmDeploymentRequest(
    string SubscriptionId,
    string ResourceGroup,
    string DeploymentName,
    JsonObject Template,
    JsonObject? Parameters = null)
{
    /// <summary>Always Incremental: resources not in the template are left alone.</summary>
    public string Mode => "Incremental";

    internal string ToBody() => new JsonObject
    {
        ["properties"] = new JsonObject
        {
            ["mode"] = Mode,
            ["template"] = Template.DeepClone(),
            ["parameters"] = Parameters?.DeepClone() ?? new JsonObject(),
        },
    }.ToJsonString();
}
