using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;

namespace SentinelAiPack.Engine.Compilation;

/// <summary>What a name bound by let, a function parameter or a function declaration stands for.</summary>
internal abstract record Binding;

internal sealed record ScalarBinding(ScalarExpr Expr) : Binding;

internal sealed record TabularBinding(TabularPlan Plan) : Binding;

/// <summary>A let-declared function: its calls carry their bound expansion; the definition scope resolves the body's free names.</summary>
internal sealed record FunctionBinding(Scope DefinitionScope) : Binding;

/// <summary>Lexical scope of let names; lookups walk outwards.</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, Binding> _names = new(StringComparer.Ordinal);

    public static Scope Root() => new(null);

    public Scope? Parent => parent;

    public Scope Child() => new(this);

    public void Bind(string name, Binding binding) => _names[name] = binding;

    public Binding? Find(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._names.TryGetValue(name, out var binding))
            {
                return binding;
            }
        }
        return null;
    }
}
