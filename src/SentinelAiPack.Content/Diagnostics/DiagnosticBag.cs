namespace SentinelAiPack.Content.Diagnostics;

/// <summary>Collects the findings about one file while it is read.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public DiagnosticBag(string filePath) => FilePath = filePath;

    public string FilePath { get; }

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        _items.Add(descriptor.Create(FilePath, span, message));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
}
