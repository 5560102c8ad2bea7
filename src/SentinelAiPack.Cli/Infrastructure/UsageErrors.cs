using System.CommandLine;
using System.CommandLine.Parsing;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// Turns a command line System.CommandLine could not fully match into usage errors (exit 2) that say what to type:
/// an unknown verb or option gets the closest known one ("did you mean 'validate'?"), and a token that looks like an
/// option is never taken as a path (<c>--warnings-as-error</c> is an unknown option, not a file; a path that starts
/// with '-' goes after <c>--</c>). Contradictory parser messages ("Required command was not provided" beside an
/// unknown verb) are left out.
/// </summary>
public static class UsageErrors
{
    public static IReadOnlyList<string> Find(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var problems = new List<string>();
        var doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var literal = doubleDash < 0 ? [] : parse.Tokens.Skip(doubleDash + 1).ToHashSet();
        foreach (var token in parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens))
        {
            if (LooksLikeOption(token.Value) && !literal.Contains(token))
            {
                problems.Add(UnknownOption(command, token.Value));
            }
        }
        var unknownVerb = false;
        foreach (var token in parse.UnmatchedTokens)
        {
            if (LooksLikeOption(token))
            {
                problems.Add(UnknownOption(command, token));
            }
            else if (command.Subcommands.Count > 0)
            {
                // Later words are the unknown verb's arguments: one message is enough.
                if (!unknownVerb)
                {
                    problems.Add(UnknownCommand(command, token));
                }
                unknownVerb = true;
            }
            else
            {
                problems.Add($"unexpected argument '{token}' for '{Path(command)}'.");
            }
        }
        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        foreach (var error in parse.Errors)
        {
            var aboutUnmatched = unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            var contradicts = problems.Count > 0 && error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal);
            if (aboutUnmatched || contradicts)
            {
                continue;
            }
            problems.Add(error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)
                ? $"no command given; one of: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}."
                : error.Message);
        }
        return problems;
    }

    /// <summary>The command the usage hint points at: the innermost one matched.</summary>
    public static string HelpHint(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return $"Run '{Path(parse.CommandResult.Command)} --help' for usage.";
    }

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string UnknownOption(Command command, string token)
    {
        var name = token.Split('=', 2)[0];
        var candidates = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
            .SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct(StringComparer.Ordinal);
        return $"unknown option '{name}' for '{Path(command)}'" + Suggestion(name, candidates);
    }

    private static string UnknownCommand(Command command, string token) =>
        $"unknown command '{token}'" + (command is RootCommand ? string.Empty : $" for '{Path(command)}'") +
        Suggestion(token, command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)));

    private static string Suggestion(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, c.Name.Length / 3) || c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? "." : $"; did you mean '{best.Name}'?";
    }

    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? current = command; current is Command c; current = c.Parents.FirstOrDefault())
        {
            names.Add(c is RootCommand ? "aipack" : c.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }

    // Levenshtein distance, small strings only.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
