using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Model;

/// <summary>
/// KQL text from a YAML file with its source map: <see cref="SourceMap"/> turns an offset in <see cref="Text"/>
/// (e.g. the position of a KQL analyzer diagnostic) into a line/column of the YAML file.
/// </summary>
public sealed class QueryText
{
    public QueryText(string text, SourceSpan span, SourceSpan keySpan, QuerySourceMap sourceMap)
    {
        Text = text;
        Span = span;
        KeySpan = keySpan;
        SourceMap = sourceMap;
    }

    public string Text { get; }

    /// <summary>Where the value starts (for block scalars: the <c>|</c> indicator).</summary>
    public SourceSpan Span { get; }

    public SourceSpan KeySpan { get; }

    public QuerySourceMap SourceMap { get; }

    public override string ToString() => Text;
}
