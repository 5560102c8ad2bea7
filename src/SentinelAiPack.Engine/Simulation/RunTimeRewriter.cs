using System.Text;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// Makes a rule's query see a past run's time on a service where now() is the real clock (Log Analytics has no way to
/// set it). The official analyzer's bound tree says which calls are the built-in <c>now()</c> and <c>ago()</c>;
/// those names (and only those) are replaced in the rule's own text by functions of <see cref="RunTimeParameter"/>,
/// a datetime the caller binds as a query parameter (never by concatenating values into the text):
/// <c>now(offset)</c> → <c>AipackNow(offset)</c> = run time + offset, <c>ago(span)</c> → <c>AipackAgo(span)</c> = run
/// time - span. Everything else in the text is kept byte for byte. Workspace functions the query calls (the pack's
/// parsers) run unchanged; they take their time bounds as arguments and do not call now() themselves.
/// </summary>
public static class RunTimeRewriter
{
    /// <summary>The datetime parameter the rewritten query reads as its run time.</summary>
    public const string RunTimeParameter = "AipackRunTime";

    private const string NowFunction = "AipackNow";
    private const string AgoFunction = "AipackAgo";

    /// <summary>The definitions the rewritten body starts with (trusted text; the parameter is bound before it).</summary>
    public const string Prolog =
        "let " + NowFunction + " = (offset: timespan = 0s) { " + RunTimeParameter + " + offset };\n" +
        "let " + AgoFunction + " = (span: timespan) { " + RunTimeParameter + " - span };\n";

    // Tokens the tree export leaves out; they may stand between two exported tokens.
    private const string Punctuation = ",()[]{}|;=:.";

    /// <summary>The query with its now()/ago() calls redirected to the run time, or the reason it cannot be rewritten.</summary>
    public static (string? Query, string? Problem) Rewrite(ExportedTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var text = tree.Text;
        if (text.Contains(NowFunction, StringComparison.Ordinal) || text.Contains(AgoFunction, StringComparison.Ordinal) ||
            text.Contains(RunTimeParameter, StringComparison.Ordinal))
        {
            return (null, $"the query already uses the names the rewrite needs ({NowFunction}, {AgoFunction}, {RunTimeParameter})");
        }
        var tokens = new List<(TreeNode Token, string? Replacement)>();
        Collect(tree.Root, null, tokens);
        var result = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var (token, replacement) in tokens)
        {
            var start = Find(text, position, token.Text!);
            if (start < 0)
            {
                return (null, $"the query text could not be matched to the analyzer's tokens near '{token.Text}'");
            }
            result.Append(text, position, start - position);
            result.Append(replacement ?? token.Text);
            position = start + token.Text!.Length;
        }
        result.Append(text, position, text.Length - position);
        return (Prolog + result, null);
    }

    /// <summary>The exported tokens in text order; the name token of each built-in now()/ago() call gets its replacement.</summary>
    private static void Collect(TreeNode node, string? replacement, List<(TreeNode, string?)> tokens)
    {
        if (node.IsToken)
        {
            if (node.Text is { Length: > 0 })
            {
                tokens.Add((node, replacement is not null && node.Kind == "IdentifierToken" ? replacement : null));
            }
            return;
        }
        if (node.Kind == "FunctionCallExpression" && node.Symbol is { Kind: "Function", Origin: "builtin" } symbol && symbol.Name is "now" or "ago")
        {
            var name = symbol.Name == "now" ? NowFunction : AgoFunction;
            foreach (var child in node.Nodes)
            {
                Collect(child, child.Role == "Name" ? name : null, tokens);
            }
            return;
        }
        foreach (var child in node.Nodes)
        {
            Collect(child, replacement, tokens);
        }
    }

    /// <summary>Where <paramref name="token"/> starts at or after <paramref name="from"/>, skipping only whitespace, comments and punctuation.</summary>
    private static int Find(string text, int from, string token)
    {
        var i = from;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
                continue;
            }
            if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
            {
                return i;
            }
            if (Punctuation.Contains(text[i], StringComparison.Ordinal))
            {
                i++;
                continue;
            }
            return -1;
        }
        return -1;
    }
}
