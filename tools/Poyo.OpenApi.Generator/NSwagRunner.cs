using NSwag.Commands;

namespace Poyo.OpenApi.Generator;

/// <summary>Loads an nswag.json document with NSwag's own loader and runs it with idiomatic name generators.</summary>
internal static class NSwagRunner
{
    /// <summary>Generates every output that <paramref name="nswagJsonPath"/> configures.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string nswagJsonPath)
    {
        var document = await NSwagDocument.LoadAsync(Path.GetFullPath(nswagJsonPath));
        var command = document.CodeGenerators.OpenApiToCSharpClientCommand
            ?? throw new InvalidOperationException($"{nswagJsonPath} configures no openApiToCSharpClient generator.");

        command.Settings.CSharpGeneratorSettings.PropertyNameGenerator = new IdiomaticPropertyNameGenerator();
        command.Settings.CSharpGeneratorSettings.EnumNameGenerator = new IdiomaticEnumNameGenerator();
        command.Settings.ParameterNameGenerator = new IdiomaticParameterNameGenerator();
        command.Settings.CSharpGeneratorSettings.TemplateFactory = new PatchedTemplateFactory(
            command.Settings.CSharpGeneratorSettings,
            [typeof(NJsonSchema.CodeGeneration.CSharp.CSharpGeneratorSettings).Assembly, typeof(NSwag.CodeGeneration.CSharp.CSharpGeneratorBaseSettings).Assembly]);

        await document.ExecuteAsync();
        Console.WriteLine($"Poyo.OpenApi.Generator: generated {command.OutputFilePath}");
        return 0;
    }
}
