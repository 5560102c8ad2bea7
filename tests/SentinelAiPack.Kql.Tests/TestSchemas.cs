using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Kql.Tests;

/// <summary>A small workspace: an AI conversation table, a sign-in table, a parser over the first, a function known only by its output.</summary>
internal static class TestSchemas
{
    public const string TurnsParserBody =
        "AIConversationTurn_CL | where isempty(app) or AppName == app | extend Risk = PromptLength * weight | project TimeGenerated, UserId, AppName, Prompt, Risk";

    public static SchemaSet Create()
    {
        var set = new SchemaSet();
        set.AddOrReplace(new TableSchema("AIConversationTurn_CL",
        [
            new ColumnSchema("TimeGenerated", "datetime"),
            new ColumnSchema("UserId", "string"),
            new ColumnSchema("AppName", "String"),
            new ColumnSchema("Prompt", "string"),
            new ColumnSchema("PromptLength", "int"),
            new ColumnSchema("SourceIp", "string"),
        ]));
        set.AddOrReplace(new TableSchema("SigninLogs",
        [
            new ColumnSchema("TimeGenerated", "datetime"),
            new ColumnSchema("UserPrincipalName", "string"),
            new ColumnSchema("IPAddress", "string"),
            new ColumnSchema("ResultType", "string"),
        ]));
        set.AddOrReplace(new FunctionSchema("AITurns",
            [new FunctionParameter("app", "string", "''"), new FunctionParameter("weight", "real", "1.0")])
        {
            Body = TurnsParserBody,
        });
        set.AddOrReplace(new FunctionSchema("ModelInventory", [])
        {
            OutputColumns = [new ColumnSchema("ModelId", "string"), new ColumnSchema("DeployedAt", "datetime")],
        });
        return set;
    }
}
