using System.Reflection;
using NJsonSchema.CodeGeneration;

namespace Poyo.OpenApi.Generator;

/// <summary>
/// NSwag's own templates, with one change: the <c>FileParameter</c> class that multipart operations use is declared
/// <c>internal</c>. NSwag's File template hard-codes it <c>public</c> whatever <c>typeAccessModifier</c> says, which
/// would put an undocumented type into the library's public API although only the internal client uses it. The
/// embedded template is patched as it is loaded, so it follows NSwag upgrades; generation fails if the text changes.
/// </summary>
internal sealed class InternalFileParameterTemplateFactory(CodeGeneratorSettingsBase settings, Assembly[] assemblies)
    : NSwag.CodeGeneration.DefaultTemplateFactory(settings, assemblies)
{
    private const string Declared = "public partial class FileParameter";

    protected override string GetEmbeddedLiquidTemplate(string language, string template)
    {
        var text = base.GetEmbeddedLiquidTemplate(language, template);
        if (language != "CSharp" || template != "File")
        {
            return text;
        }

        var at = text.IndexOf(Declared, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(Declared, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"NSwag's CSharp File template no longer declares '{Declared}' exactly once; update {nameof(InternalFileParameterTemplateFactory)}.");
        }

        return string.Concat(text.AsSpan(0, at), "internal partial class FileParameter", text.AsSpan(at + Declared.Length));
    }
}
