using NJsonSchema;
using NJsonSchema.CodeGeneration;

namespace Poyo.OpenApi.Generator;

/// <summary>
/// Enum member names: the spec's <c>x-enumNames</c> when given, else the PascalCase of the value
/// (<c>not_started</c> → <c>NotStarted</c>; a leading digit gets the prefix <c>Value</c>).
/// </summary>
internal sealed class IdiomaticEnumNameGenerator : IEnumNameGenerator
{
    public string Generate(int index, string? name, object? value, JsonSchema schema)
        => PascalCase.From(name ?? value?.ToString() ?? $"Value{index}");
}
