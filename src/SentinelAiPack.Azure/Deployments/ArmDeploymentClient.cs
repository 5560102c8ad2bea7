using System.Net;
using System.Text.Json;
using Azure.Core;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Http;

namespace SentinelAiPack.Azure.Deployments;

/// <summary>
/// Resource-group template deployments through ARM, api-version 2025-04-01
/// (learn.microsoft.com/rest/api/resources/deployments/create-or-update, /validate, /what-if):
/// <c>PUT …/resourcegroups/{rg}/providers/Microsoft.Resources/deployments/{name}</c> with
/// <c>{properties:{mode:"Incremental", template, parameters}}</c> answers 200/201 and runs asynchronously
/// (Azure-AsyncOperation / Location headers, then <c>provisioningState</c>); <c>POST …/validate</c> answers 200, 400 with
/// the error tree, or 202 + Location; <c>POST …/whatIf</c> answers 200 or 202 + Location. Errors are
/// <c>{error:{code,message,details}}</c>. Scope <c>https://management.azure.com/.default</c>.
/// </summary>
public sealed class ArmDeploymentClient : IDisposable
{
    /// <summary>The api-version used for every call.</summary>
    public const string ApiVersion = "2025-04-01";

    private readonly AzureRestTransport _transport;
    private readonly LongRunningOperationPoller _poller;

    /// <summary>Creates a client that asks <paramref name="credential"/> for the management scope.</summary>
    public ArmDeploymentClient(TokenCredential credential, AzureClientOptions? options = null)
    {
        options ??= new AzureClientOptions();
        _transport = new AzureRestTransport(credential, options.ManagementScope, options);
        _poller = new LongRunningOperationPoller(_transport);
    }

    /// <summary>Deploys and waits for the end; throws <see cref="ArmDeploymentFailedException"/> unless it Succeeded.</summary>
    public async Task<ArmDeploymentResult> DeployAsync(ArmDeploymentRequest request, CancellationToken cancellationToken = default)
    {
        const string operation = "ARM deployment";
        var uri = DeploymentUri(request, string.Empty);
        var response = await _transport.SendAsync(HttpMethod.Put, uri, AzureRestTransport.JsonBody(request.ToBody()), operation, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw _transport.Failure(response, operation);
        }

        var firstWait = RetryAfter.Read(response.Headers, _transport.Options.TimeProvider);
        AzureErrorDetail? asyncError = null;
        if (response.Header("Azure-AsyncOperation") is { } asyncOperation)
        {
            asyncError = (await _poller.PollAsyncOperationAsync(asyncOperation, firstWait, operation, cancellationToken).ConfigureAwait(false)).Error;
        }
        else if (response.Header("Location") is { } location)
        {
            var final = await _poller.PollLocationAsync(location, firstWait, operation, cancellationToken).ConfigureAwait(false);
            if (!final.IsSuccess)
            {
                throw _transport.Failure(final, operation);
            }
        }

        var result = await WaitForTerminalStateAsync(uri, operation, cancellationToken).ConfigureAwait(false);
        if (!result.State.Equals("Succeeded", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArmDeploymentFailedException(request.DeploymentName, result.State, result.Error ?? asyncError);
        }

        return new ArmDeploymentResult(result.Id, result.State, result.Outputs);
    }

    /// <summary>Asks ARM whether the deployment would be accepted; changes nothing.</summary>
    public async Task<ArmValidationResult> ValidateAsync(ArmDeploymentRequest request, CancellationToken cancellationToken = default)
    {
        const string operation = "ARM deployment validation";
        var response = await _transport.SendAsync(HttpMethod.Post, DeploymentUri(request, "/validate"), AzureRestTransport.JsonBody(request.ToBody()), operation, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted && response.Header("Location") is { } location)
        {
            response = await _poller.PollLocationAsync(location, RetryAfter.Read(response.Headers, _transport.Options.TimeProvider), operation, cancellationToken)
                .ConfigureAwait(false);
        }

        if (response.StatusCode == HttpStatusCode.BadRequest && AzureErrorParser.TryParse(response.Body) is { } invalid)
        {
            return new ArmValidationResult(false, invalid);
        }

        if (!response.IsSuccess)
        {
            throw _transport.Failure(response, operation);
        }

        using var document = AzureRestTransport.ParseJson(response, operation);
        var root = document.RootElement;
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? AzureErrorParser.Read(e, 0) : null;
        return new ArmValidationResult(error is null, error);
    }

    /// <summary>Predicts the changes the deployment would make; changes nothing.</summary>
    public async Task<ArmWhatIfResult> WhatIfAsync(ArmDeploymentRequest request, CancellationToken cancellationToken = default)
    {
        const string operation = "ARM what-if";
        var response = await _transport.SendAsync(HttpMethod.Post, DeploymentUri(request, "/whatIf"), AzureRestTransport.JsonBody(request.ToBody()), operation, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var location = response.Header("Location")
                ?? throw new AzureResponseFormatException(operation, response.StatusCode, "202 without a Location header");
            response = await _poller.PollLocationAsync(location, RetryAfter.Read(response.Headers, _transport.Options.TimeProvider), operation, cancellationToken)
                .ConfigureAwait(false);
        }

        if (!response.IsSuccess)
        {
            throw _transport.Failure(response, operation);
        }

        using var document = AzureRestTransport.ParseJson(response, operation);
        var root = document.RootElement.Clone();
        var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "Succeeded";
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? AzureErrorParser.Read(e, 0) : null;
        var changes = new List<ArmWhatIfChange>();
        if (root.TryGetProperty("properties", out var properties) && properties.TryGetProperty("changes", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var change in list.EnumerateArray())
            {
                changes.Add(new ArmWhatIfChange(
                    Text(change, "resourceId") ?? string.Empty,
                    Text(change, "changeType") ?? "Unsupported",
                    change.TryGetProperty("delta", out var delta) ? delta : null));
            }
        }

        return new ArmWhatIfResult(status, changes, error);
    }

    private async Task<(string State, string? Id, JsonElement? Outputs, AzureErrorDetail? Error)> WaitForTerminalStateAsync(
        Uri uri, string operation, CancellationToken cancellationToken)
    {
        var clock = _transport.Options.TimeProvider;
        var deadline = clock.GetUtcNow() + _transport.Options.LongRunningTimeout;
        while (true)
        {
            var response = await _transport.SendAsync(HttpMethod.Get, uri, null, operation, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw _transport.Failure(response, operation);
            }

            using var document = AzureRestTransport.ParseJson(response, operation);
            var root = document.RootElement.Clone();
            var properties = root.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                ? p
                : throw new AzureResponseFormatException(operation, response.StatusCode, "the deployment has no 'properties'");
            var state = Text(properties, "provisioningState")
                ?? throw new AzureResponseFormatException(operation, response.StatusCode, "the deployment has no 'provisioningState'");
            if (LongRunningOperationPoller.IsTerminal(state))
            {
                var error = properties.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? AzureErrorParser.Read(e, 0) : null;
                JsonElement? outputs = properties.TryGetProperty("outputs", out var o) ? o : null;
                return (state, Text(root, "id"), outputs, error);
            }

            var wait = RetryAfter.Read(response.Headers, clock) ?? _transport.Options.LongRunningPollInterval;
            if (clock.GetUtcNow() + wait > deadline)
            {
                throw new AzureRequestTimeoutException(operation, $"the deployment is still {state} after {_transport.Options.LongRunningTimeout}");
            }

            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri DeploymentUri(ArmDeploymentRequest request, string action)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subscription = UriPaths.Segment(request.SubscriptionId, nameof(request.SubscriptionId), UriPaths.Guid());
        var group = UriPaths.Segment(request.ResourceGroup, nameof(request.ResourceGroup), UriPaths.ResourceGroupName());
        var name = UriPaths.Segment(request.DeploymentName, nameof(request.DeploymentName), UriPaths.DeploymentName());
        return UriPaths.Combine(
            _transport.Options.ManagementEndpoint,
            $"subscriptions/{subscription}/resourcegroups/{group}/providers/Microsoft.Resources/deployments/{name}{action}?api-version={ApiVersion}");
    }

    private static string? Text(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();
}
