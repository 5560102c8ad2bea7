using System.Text;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Queries;

/// <summary>
/// Replaces the parameter references of a spec query with what <see cref="IParameterExpansion"/> says, keeping a map
/// from every output character back to the spec query. References to undeclared parameters and unsupported formats
/// are left as written (the validator reports them, SAP7003/SAP7004).
/// </summary>
public static class QueryExpander
{
    public static ExpandedQuery Expand(string query, WorkbookSpec spec, IParameterExpansion expansion, string prelude = "")
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(expansion);
        ArgumentNullException.ThrowIfNull(prelude);
        var text = new StringBuilder(prelude.Length + query.Length + 64);
        var offsets = new List<int>(prelude.Length + query.Length + 64);
        Append(text, offsets, prelude, 0);
        var position = 0;
        foreach (var reference in ParameterReference.FindAll(query))
        {
            var parameter = spec.FindParameter(reference.Name);
            if (parameter is null || ParameterFormats.Problem(parameter, reference.Format) is not null)
            {
                continue;
            }
            for (var i = position; i < reference.Start; i++)
            {
                text.Append(query[i]);
                offsets.Add(i);
            }
            Append(text, offsets, expansion.Expand(parameter, reference.Format), reference.Start);
            position = reference.Start + reference.Length;
        }
        for (var i = position; i < query.Length; i++)
        {
            text.Append(query[i]);
            offsets.Add(i);
        }
        return new ExpandedQuery(text.ToString(), [.. offsets], query.Length);
    }

    private static void Append(StringBuilder text, List<int> offsets, string value, int sourceOffset)
    {
        text.Append(value);
        for (var i = 0; i < value.Length; i++)
        {
            offsets.Add(sourceOffset);
        }
    }
}
