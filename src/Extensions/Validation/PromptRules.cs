namespace Poyo.OpenApi;

/// <summary>How prompts are measured and what they must say.</summary>
internal static class PromptRules
{
    /// <summary>The longest prompt, in Unicode code points.</summary>
    public const int MaxLength = 2500;

    /// <summary>How the prompt names the first kling element.</summary>
    public const string ElementReference = "@Element1";

    /// <summary>
    /// The length in Unicode code points (an emoji outside the BMP counts once, as JSON Schema's maxLength
    /// counts); stops counting past <paramref name="limit"/>.
    /// </summary>
    public static int CodePointLength(string text, int limit = int.MaxValue)
    {
        var count = 0;
        for (var index = 0; index < text.Length && count <= limit; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }

            count++;
        }

        return count;
    }

    /// <summary>Whether the prompt refers to the kling element (case-insensitive).</summary>
    public static bool MentionsElement(string? prompt) =>
        prompt is not null && prompt.Contains(ElementReference, StringComparison.OrdinalIgnoreCase);
}
