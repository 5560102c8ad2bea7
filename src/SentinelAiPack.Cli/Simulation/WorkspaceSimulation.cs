using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Simulation;

namespace SentinelAiPack.Cli.Simulation;

/// <summary>
/// <c>aipack simulate --workspace</c>: the same schedule, run by Log Analytics itself over the workspace's data. Each
/// rule's query is analyzed once (locally, for the bound tree) and rewritten so now()/ago() read the run time
/// (<see cref="RunTimeRewriter"/>); each run sends that text with the run time bound as a query parameter and the run's
/// window as the API's timespan, within the documented per-user limits (<see cref="QueryThrottle"/>; 429 Retry-After
/// is honoured by the client's retry pipeline).
/// </summary>
public sealed class WorkspaceSimulation : IDisposable
{
    private readonly LogAnalyticsQueryClient _client;
    private readonly QueryThrottle _throttle;
    private readonly string _workspaceId;
    private readonly KqlEngine _engine;
    private readonly SchemaSet _schemas;

    private WorkspaceSimulation(LogAnalyticsQueryClient client, QueryThrottle throttle, string workspaceId, KqlEngine engine, SchemaSet schemas)
    {
        _client = client;
        _throttle = throttle;
        _workspaceId = workspaceId;
        _engine = engine;
        _schemas = schemas;
    }

    public static WorkspaceSimulation Create(CliContext context, string workspaceId, string credential, SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(workspaceId, out _))
        {
            throw new UsageException($"--workspace '{workspaceId}' is not a workspace id (GUID, 'Workspace ID' on the workspace overview).");
        }
        var connection = AzureServices.Connection(context);
        LogAnalyticsQueryClient client;
        try
        {
            client = new LogAnalyticsQueryClient(connection.Credentials(credential), connection.Options);
        }
        catch (AzureCredentialException e)
        {
            throw new UsageException(e.Message);
        }
        var throttle = context.Services.GetOrCreate(() => new QueryThrottle(clock: connection.Options.TimeProvider));
        return new WorkspaceSimulation(client, throttle, workspaceId, new KqlEngine(KqlServices.TreeSource(context)), schemas);
    }

    /// <summary>Analyzes and rewrites each rule's query once; the rule's runs then go to the workspace.</summary>
    public SimulationRunner.ExecutorFactory Executors => async (item, rule, cancellationToken) =>
    {
        if (item.Query?.Text is not { Length: > 0 } query)
        {
            return (null, "the rule has no query");
        }
        var compiled = await _engine.CompileAsync(query, _schemas, filePath: rule.FilePath, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (compiled.HasQueryErrors)
        {
            var first = compiled.Tree.Diagnostics.First(d => d.IsError);
            return (null, $"the query does not compile: {first.Code}: {first.Message}");
        }
        var (body, problem) = RunTimeRewriter.Rewrite(compiled.Tree);
        return body is null ? (null, problem) : (new Executor(this, body), null);
    };

    public void Dispose() => _client.Dispose();

    private sealed class Executor(WorkspaceSimulation owner, string body) : IRuleQueryExecutor
    {
        public int MaxConcurrency => owner._throttle.Concurrency;

        public async Task<RunOutput> RunAsync(RunWindow window, CancellationToken cancellationToken)
        {
            var parameters = new KqlParameters().Add(RunTimeRewriter.RunTimeParameter, new DateTimeOffset(window.Now, TimeSpan.Zero));
            LogQueryResult result;
            try
            {
                using (await owner._throttle.WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    result = await owner._client.QueryAsync(owner._workspaceId, body, parameters,
                        LogQueryTimeRange.Between(new DateTimeOffset(window.Start, TimeSpan.Zero), new DateTimeOffset(window.End, TimeSpan.Zero)),
                        cancellationToken).ConfigureAwait(false);
                }
            }
            catch (LogQueryPartialException e)
            {
                throw new RunFailedException("the workspace returned a partial result (at most 500,000 rows or 64 MB per query): " + e.Message, e);
            }
            catch (AzureAuthenticationException e)
            {
                throw new RunFailedException("Azure request failed: " + e.Message, e) { Scope = FailureScope.Simulation };
            }
            catch (AzureApiException e) when ((int)e.StatusCode is 400 or 404)
            {
                throw new RunFailedException("the workspace refused the query: " + e.Message, e) { Scope = (int)e.StatusCode == 404 ? FailureScope.Simulation : FailureScope.Rule };
            }
            catch (AzureClientException e)
            {
                throw new RunFailedException(e.Message, e);
            }
            return Output(result.PrimaryTable);
        }

        private static RunOutput Output(LogTable table)
        {
            var columns = table.Columns.Select(c => c.Name).ToList();
            var rows = table.Rows.Select(row => Enumerable.Range(0, row.Count).Select(i => Text(row[i])).ToArray()).ToList();
            return RunOutput.FromRows(columns, rows);
        }

        private static string? Text(System.Text.Json.JsonElement value) => value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => null,
            System.Text.Json.JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }
}
