using System.Reflection;
using NJsonSchema.CodeGeneration;

namespace Poyo.OpenApi.Generator;

/// <summary>
/// NSwag's own templates with a few checked text patches (<see cref="TemplatePatch.All"/>), applied to the embedded
/// Liquid templates as they load so that they follow NSwag upgrades. Each patch names the exact text it replaces and
/// how often it occurs; generation fails loudly if NSwag's template no longer matches, instead of silently generating
/// the unpatched code.
/// </summary>
internal sealed class PatchedTemplateFactory(CodeGeneratorSettingsBase settings, Assembly[] assemblies)
    : NSwag.CodeGeneration.DefaultTemplateFactory(settings, assemblies)
{
    protected override string GetEmbeddedLiquidTemplate(string language, string template)
    {
        var text = base.GetEmbeddedLiquidTemplate(language, template);
        foreach (var patch in TemplatePatch.All)
        {
            if (patch.Language == language && patch.Template == template)
            {
                text = patch.ApplyTo(text);
            }
        }

        return text;
    }
}
