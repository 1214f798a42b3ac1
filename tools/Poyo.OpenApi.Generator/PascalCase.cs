using System.Text;

namespace Poyo.OpenApi.Generator;

/// <summary>Turns wire names (snake_case, kebab-case, dotted) into C# identifiers.</summary>
internal static class PascalCase
{
    /// <summary>
    /// <c>image_urls</c> → <c>ImageUrls</c>, <c>kling-3.0-motion-control</c> → <c>Kling30MotionControl</c>.
    /// A name that would start with a digit gets <paramref name="digitPrefix"/> in front.
    /// </summary>
    public static string From(string wireName, string digitPrefix = "Value")
    {
        var builder = new StringBuilder(wireName.Length);
        var upperNext = true;
        foreach (var character in wireName)
        {
            if (!char.IsLetterOrDigit(character))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(character) : character);
            upperNext = false;
        }

        if (builder.Length == 0)
        {
            throw new ArgumentException($"'{wireName}' holds no letter or digit to name a C# member after.", nameof(wireName));
        }

        return char.IsDigit(builder[0]) ? digitPrefix + builder : builder.ToString();
    }

    /// <summary>The camelCase form, for parameters.</summary>
    public static string CamelFrom(string wireName)
    {
        var pascal = From(wireName);
        return char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }
}
