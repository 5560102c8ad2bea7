using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Queries;

/// <summary>
/// What a parameter reference becomes in one use of a spec query: the workbook's own syntax (gallery JSON), a typed
/// placeholder (validation) or a concrete value (preview). <see cref="ParameterFormats"/> has already checked the format.
/// </summary>
public interface IParameterExpansion
{
    string Expand(ParameterSpec parameter, string? format);
}
