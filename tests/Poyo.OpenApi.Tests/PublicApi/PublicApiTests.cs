using System.Reflection;
using NUnit.Framework;
using PublicApiGenerator;

namespace Poyo.OpenApi.Tests.PublicApi;

/// <summary>
/// Every change of the public surface is reviewed: the approved file is compared with the built assembly.
/// After an intended change, copy the received file over the approved one (see the failure message).
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Assembly Library = typeof(PoyoClient).Assembly;

    [Test]
    public void The_public_api_matches_the_approved_snapshot()
    {
        var actual = Normalize(Library.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.CodeDom.Compiler.GeneratedCodeAttribute"],
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        }));
        var approvedPath = Path.Combine(SourceDirectory(), "Poyo.OpenApi.approved.txt");
        var receivedPath = Path.Combine(SourceDirectory(), "Poyo.OpenApi.received.txt");
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : "";

        if (actual != approved)
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public API changed. Review {receivedPath} and, if intended, copy it over {approvedPath}.");
        }

        File.Delete(receivedPath);
    }

    [Test]
    public void Every_public_name_is_pascal_case_without_underscores()
    {
        var offenders = new List<string>();
        foreach (var type in Library.GetExportedTypes())
        {
            Check(type.Name.Split('`')[0], type.FullName!);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (member is MethodInfo { IsSpecialName: true } or FieldInfo { IsSpecialName: true } or ConstructorInfo)
                {
                    continue;
                }

                Check(member.Name, $"{type.FullName}.{member.Name}");
            }
        }

        Assert.That(offenders, Is.Empty);

        void Check(string name, string where)
        {
            if (name.Contains('_', StringComparison.Ordinal) || !char.IsUpper(name[0]))
            {
                offenders.Add(where);
            }
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
