using System.Text;

namespace SentinelAiPack.Azure.Errors;

/// <summary>
/// One node of the documented Azure error body: <c>{ "error": { code, message, target, details[], innererror } }</c>
/// (ARM uses <c>details</c>, Log Analytics nests <c>innererror</c>).
/// </summary>
public sealed record AzureErrorDetail(
    string? Code,
    string? Message,
    string? Target,
    IReadOnlyList<AzureErrorDetail> Details,
    AzureErrorDetail? InnerError)
{
    /// <summary>This node and every nested detail and inner error, depth first.</summary>
    public IEnumerable<AzureErrorDetail> Flatten()
    {
        yield return this;
        foreach (var detail in Details)
        {
            foreach (var nested in detail.Flatten())
            {
                yield return nested;
            }
        }

        if (InnerError is not null)
        {
            foreach (var nested in InnerError.Flatten())
            {
                yield return nested;
            }
        }
    }

    /// <summary>The deepest inner error (Log Analytics puts the precise code, e.g. SEM0100, there).</summary>
    public AzureErrorDetail Innermost => InnerError?.Innermost ?? this;

    /// <summary>Indented tree, one line per node: "code: message".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        Append(text, this, 0);
        return text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, AzureErrorDetail node, int depth)
    {
        text.Append(' ', depth * 2)
            .Append(node.Code ?? "(no code)")
            .Append(": ")
            .Append(node.Message ?? "(no message)");
        if (!string.IsNullOrEmpty(node.Target))
        {
            text.Append(" [target ").Append(node.Target).Append(']');
        }

        text.AppendLine();
        foreach (var detail in node.Details)
        {
            Append(text, detail, depth + 1);
        }

        if (node.InnerError is not null)
        {
            Append(text, node.InnerError, depth + 1);
        }
    }
}
