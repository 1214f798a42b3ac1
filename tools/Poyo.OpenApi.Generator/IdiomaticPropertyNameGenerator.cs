using NJsonSchema;
using NJsonSchema.CodeGeneration;

namespace Poyo.OpenApi.Generator;

/// <summary>
/// PascalCase property names for snake_case JSON (<c>task_id</c> → <c>TaskId</c>); the JSON name is kept in the
/// generated <c>[JsonProperty]</c>. A property may choose its C# name with the spec extension <c>x-csharp-name</c>.
/// </summary>
internal sealed class IdiomaticPropertyNameGenerator : IPropertyNameGenerator
{
    /// <summary>The spec extension that names a property in C#.</summary>
    public const string CSharpNameExtension = "x-csharp-name";

    public string Generate(JsonSchemaProperty property)
    {
        if (property.ExtensionData is not null
            && property.ExtensionData.TryGetValue(CSharpNameExtension, out var chosen)
            && chosen is string name && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        return PascalCase.From(property.Name);
    }
}
