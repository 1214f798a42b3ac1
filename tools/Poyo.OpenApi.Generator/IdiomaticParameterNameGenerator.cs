using NSwag;
using NSwag.CodeGeneration;

namespace Poyo.OpenApi.Generator;

/// <summary>camelCase method parameters (<c>task_id</c> → <c>taskId</c>, <c>Idempotency-Key</c> → <c>idempotencyKey</c>).</summary>
internal sealed class IdiomaticParameterNameGenerator : IParameterNameGenerator
{
    public string Generate(OpenApiParameter parameter, IEnumerable<OpenApiParameter> allParameters)
        => PascalCase.CamelFrom(parameter.Name);
}
