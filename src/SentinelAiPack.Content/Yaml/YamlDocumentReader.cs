using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SentinelAiPack.Content.Yaml;

/// <summary>
/// Builds position-aware YAML trees from YamlDotNet's parser events. Unlike the representation model it
/// keeps going after a duplicate key (reported, first value kept), never expands aliases (an alias is the
/// anchored node itself, so alias bombs cost nothing) and limits nesting without recursion.
/// </summary>
public static partial class YamlDocumentReader
{
    /// <summary>Deeper nesting than any real template needs; guards the consumers that walk trees recursively.</summary>
    public const int MaxDepth = 128;

    /// <summary>Reads every document of <paramref name="text"/>. Returns null (after reporting) when the YAML is malformed.</summary>
    public static IReadOnlyList<YamlNode?>? Read(string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var builder = new TreeBuilder(text, diagnostics);
        var parser = new Parser(new StringReader(text));
        var lastGood = new SourcePosition(1, 1);
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (!builder.Accept(current))
                {
                    return null;
                }
                lastGood = ToPosition(current.End);
            }
        }
        catch (YamlException ex)
        {
            var position = ex.Start.Line > 0 ? ToPosition(ex.Start) : lastGood;
            diagnostics.Add(LoadingCodes.MalformedYaml, new SourceSpan(position.Line, position.Column),
                $"Malformed YAML at line {position.Line}, column {position.Column}: {CleanMessage(ex)}");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet throws these (not YamlException) for some malformed inputs; the position is the last good token.
            diagnostics.Add(LoadingCodes.MalformedYaml, new SourceSpan(lastGood.Line, lastGood.Column),
                $"Malformed YAML after line {lastGood.Line}, column {lastGood.Column}: the parser could not continue.");
            return null;
        }
        return builder.Documents;
    }

    internal static SourcePosition ToPosition(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private static string CleanMessage(YamlException ex)
    {
        var message = LocationPrefix().Replace(ex.Message, string.Empty).Trim();
        return message.Length == 0 ? "the YAML parser rejected the text" : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex LocationPrefix();

    private sealed class Frame
    {
        public required ParsingEvent StartEvent { get; init; }

        public required string? Anchor { get; init; }

        public List<YamlNode>? Items { get; init; }

        public List<YamlEntry>? Entries { get; init; }

        public HashSet<string>? Keys { get; init; }

        public YamlScalar? PendingKey { get; set; }

        /// <summary>Set after a complex (non-scalar) key so its value is skipped.</summary>
        public bool SkipNextValue { get; set; }
    }

    private sealed class TreeBuilder(string text, DiagnosticBag diagnostics)
    {
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private YamlNode? _root;

        public List<YamlNode?> Documents { get; } = [];

        public bool Accept(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart:
                    _root = null;
                    _anchors.Clear();
                    return true;
                case DocumentEnd:
                    Documents.Add(_root);
                    return true;
                case Scalar scalar:
                    var node = new YamlScalar(scalar.Value, ToStyle(scalar.Style), scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value,
                        ToPosition(scalar.Start), ToPosition(scalar.End), (int)scalar.Start.Index, (int)scalar.End.Index);
                    Remember(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, node);
                    Attach(node);
                    return true;
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        var position = ToPosition(alias.Start);
                        diagnostics.Add(LoadingCodes.MalformedYaml, new SourceSpan(position.Line, position.Column),
                            $"Malformed YAML at line {position.Line}, column {position.Column}: alias '*{alias.Value.Value}' refers to no anchor defined before it.");
                        return false;
                    }
                    Attach(target);
                    return true;
                case SequenceStart start:
                    return Push(new Frame { StartEvent = start, Anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value, Items = [] });
                case MappingStart start:
                    return Push(new Frame
                    {
                        StartEvent = start, Anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value, Entries = [],
                        Keys = new HashSet<string>(StringComparer.Ordinal),
                    });
                case SequenceEnd or MappingEnd:
                    var frame = _stack.Pop();
                    var begin = frame.StartEvent;
                    var (end, endIndex) = (ToPosition(e.End), (int)e.End.Index);
                    if (endIndex < text.Length && text[endIndex] is ']' or '}' && begin.Start.Index < text.Length && text[(int)begin.Start.Index] is '[' or '{')
                    {
                        // The end event of a flow collection stops before its closing bracket; include it in the node.
                        (end, endIndex) = (new SourcePosition(end.Line, end.Column + 1), endIndex + 1);
                    }
                    YamlNode completed = frame.Items is not null
                        ? new YamlSequence(frame.Items, ToPosition(begin.Start), end, (int)begin.Start.Index, endIndex)
                        : new YamlMapping(frame.Entries!, ToPosition(begin.Start), end, (int)begin.Start.Index, endIndex);
                    Remember(frame.Anchor, completed);
                    Attach(completed);
                    return true;
                default:
                    return true;
            }
        }

        private bool Push(Frame frame)
        {
            if (_stack.Count >= MaxDepth)
            {
                var position = ToPosition(frame.StartEvent.Start);
                diagnostics.Add(LoadingCodes.MalformedYaml, new SourceSpan(position.Line, position.Column),
                    $"YAML nested deeper than {MaxDepth} levels at line {position.Line}, column {position.Column}; the file is not read further.");
                return false;
            }
            _stack.Push(frame);
            return true;
        }

        private void Remember(string? anchor, YamlNode node)
        {
            if (anchor is not null)
            {
                _anchors[anchor] = node;
            }
        }

        private void Attach(YamlNode node)
        {
            if (_stack.Count == 0)
            {
                _root = node;
                return;
            }
            var parent = _stack.Peek();
            if (parent.Items is not null)
            {
                parent.Items.Add(node);
                return;
            }
            if (parent.SkipNextValue)
            {
                parent.SkipNextValue = false;
                return;
            }
            if (parent.PendingKey is null)
            {
                if (node is YamlScalar key)
                {
                    parent.PendingKey = key;
                }
                else
                {
                    diagnostics.Add(LoadingCodes.WrongValueType, node.Span,
                        $"A mapping key must be text, found a {node.KindName} (line {node.Start.Line}); the entry is ignored.");
                    parent.SkipNextValue = true;
                }
                return;
            }
            var pendingKey = parent.PendingKey;
            parent.PendingKey = null;
            if (!parent.Keys!.Add(pendingKey.Value))
            {
                var first = parent.Entries!.First(entry => entry.Key.Value == pendingKey.Value);
                diagnostics.Add(LoadingCodes.DuplicateKey, pendingKey.Span,
                    $"Duplicate key '{pendingKey.Value}' (first defined at line {first.Key.Start.Line}); the first value is used.");
                return;
            }
            parent.Entries!.Add(new YamlEntry(pendingKey, node));
        }

        private static YamlScalarStyle ToStyle(ScalarStyle style) => style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal => YamlScalarStyle.Literal,
            ScalarStyle.Folded => YamlScalarStyle.Folded,
            _ => YamlScalarStyle.Plain,
        };
    }
}
