using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>An expression the runner cannot evaluate (bad syntax, unknown function, member of null): the action fails.</summary>
public sealed class WdlException(string message) : Exception(message);

/// <summary>
/// The Workflow Definition Language expressions the containment playbooks use: literals, function calls and member
/// access (<c>?['x']</c>, <c>['x']</c>, <c>.x</c>, <c>?[expr]</c>), in whole-value form (<c>@expr</c>) or inside strings
/// (<c>@{expr}</c>, <c>@@</c> for a literal @). Parsing is a small recursive descent over the expression text.
/// </summary>
public static class WdlExpression
{
    /// <summary>Evaluates every string inside <paramref name="node"/> (objects and arrays recursively; keys are kept).</summary>
    public static JsonNode? EvaluateTree(JsonNode? node, IWdlScope scope) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, EvaluateTree(p.Value, scope)))),
        JsonArray array => new JsonArray([.. array.Select(v => EvaluateTree(v, scope))]),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => EvaluateString(value.GetValue<string>(), scope),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>A string of a definition: a whole-value expression, an interpolated string, or a literal.</summary>
    public static JsonNode? EvaluateString(string text, IWdlScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("@@", StringComparison.Ordinal))
        {
            return JsonValue.Create(text[1..]);
        }
        if (text.StartsWith('@') && !text.StartsWith("@{", StringComparison.Ordinal))
        {
            return Evaluate(text[1..], scope);
        }
        if (!text.Contains("@{", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }
        var result = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("@{", position, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }
            result.Append(text, position, start - position);
            var parser = new Parser(text, start + 2);
            var expression = parser.ParseExpression();
            parser.Expect('}');
            result.Append(WdlValues.Interpolated(expression.Evaluate(scope)));
            position = parser.Position;
        }
        return JsonValue.Create(result.ToString());
    }

    /// <summary>Evaluates one expression (the text after <c>@</c>).</summary>
    public static JsonNode? Evaluate(string expression, IWdlScope scope)
    {
        var parser = new Parser(expression, 0);
        var node = parser.ParseExpression();
        parser.SkipSpace();
        if (parser.Position != expression.Length)
        {
            throw new WdlException($"Unexpected '{expression[parser.Position..]}' after the expression at {parser.Position}.");
        }
        return node.Evaluate(scope);
    }

    private abstract record Node
    {
        public abstract JsonNode? Evaluate(IWdlScope scope);
    }

    private sealed record Literal(JsonNode? Value) : Node
    {
        public override JsonNode? Evaluate(IWdlScope scope) => Value?.DeepClone();
    }

    private sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node
    {
        public override JsonNode? Evaluate(IWdlScope scope) => WdlFunctions.Invoke(Name, [.. Arguments.Select(a => a.Evaluate(scope))], scope);
    }

    private sealed record Access(Node Target, Node Key, bool Optional) : Node
    {
        public override JsonNode? Evaluate(IWdlScope scope)
        {
            var target = Target.Evaluate(scope);
            var key = Key.Evaluate(scope);
            if (target is null)
            {
                return Optional ? null : throw new WdlException($"Cannot read '{WdlValues.Interpolated(key)}' of null (use ?[...]).");
            }
            return target switch
            {
                JsonObject obj => obj.FirstOrDefault(p => string.Equals(p.Key, WdlValues.Interpolated(key), StringComparison.OrdinalIgnoreCase)).Value?.DeepClone(),
                JsonArray array when WdlValues.IsNumber(key) => (int)WdlValues.Number(key) is var i && i >= 0 && i < array.Count
                    ? array[i]?.DeepClone()
                    : throw new WdlException($"Index {i} is outside the array of {array.Count}."),
                _ => Optional ? null : throw new WdlException($"Cannot read '{WdlValues.Interpolated(key)}' of a {target.GetValueKind()}."),
            };
        }
    }

    private sealed class Parser(string text, int position)
    {
        public int Position { get; private set; } = position;

        public void SkipSpace()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public void Expect(char c)
        {
            SkipSpace();
            if (Position >= text.Length || text[Position] != c)
            {
                throw new WdlException($"Expected '{c}' at {Position} in \"{text}\".");
            }
            Position++;
        }

        public Node ParseExpression()
        {
            var node = ParsePrimary();
            while (true)
            {
                SkipSpace();
                var optional = Peek('?');
                var at = Position + (optional ? 1 : 0);
                if (at < text.Length && text[at] == '[')
                {
                    Position = at + 1;
                    var key = ParseExpression();
                    Expect(']');
                    node = new Access(node, key, optional);
                }
                else if (at < text.Length && text[at] == '.' && at + 1 < text.Length && char.IsLetter(text[at + 1]))
                {
                    Position = at + 1;
                    node = new Access(node, new Literal(JsonValue.Create(Identifier())), optional);
                }
                else
                {
                    return node;
                }
            }
        }

        private bool Peek(char c) => Position < text.Length && text[Position] == c;

        private Node ParsePrimary()
        {
            SkipSpace();
            if (Position >= text.Length)
            {
                throw new WdlException($"Expression ends early: \"{text}\".");
            }
            var c = text[Position];
            if (c == '\'')
            {
                return new Literal(JsonValue.Create(StringLiteral()));
            }
            if (char.IsDigit(c) || (c == '-' && Position + 1 < text.Length && char.IsDigit(text[Position + 1])))
            {
                var start = Position++;
                while (Position < text.Length && (char.IsDigit(text[Position]) || text[Position] == '.'))
                {
                    Position++;
                }
                var number = text[start..Position];
                return new Literal(number.Contains('.', StringComparison.Ordinal)
                    ? JsonValue.Create(double.Parse(number, CultureInfo.InvariantCulture))
                    : JsonValue.Create(long.Parse(number, CultureInfo.InvariantCulture)));
            }
            var name = Identifier();
            switch (name)
            {
                case "true":
                    return new Literal(JsonValue.Create(true));
                case "false":
                    return new Literal(JsonValue.Create(false));
                case "null":
                    return new Literal(null);
            }
            Expect('(');
            var arguments = new List<Node>();
            SkipSpace();
            if (Peek(')'))
            {
                Position++;
                return new Call(name, arguments);
            }
            while (true)
            {
                arguments.Add(ParseExpression());
                SkipSpace();
                if (Peek(','))
                {
                    Position++;
                    continue;
                }
                Expect(')');
                return new Call(name, arguments);
            }
        }

        private string Identifier()
        {
            var start = Position;
            while (Position < text.Length && (char.IsLetterOrDigit(text[Position]) || text[Position] == '_'))
            {
                Position++;
            }
            return Position > start ? text[start..Position] : throw new WdlException($"Expected a name at {start} in \"{text}\".");
        }

        private string StringLiteral()
        {
            var result = new StringBuilder();
            Position++;
            while (true)
            {
                if (Position >= text.Length)
                {
                    throw new WdlException($"Unterminated string in \"{text}\".");
                }
                if (text[Position] == '\'')
                {
                    if (Position + 1 < text.Length && text[Position + 1] == '\'')
                    {
                        result.Append('\'');
                        Position += 2;
                        continue;
                    }
                    Position++;
                    return result.ToString();
                }
                result.Append(text[Position++]);
            }
        }
    }
}
