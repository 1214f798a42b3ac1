namespace Poyo.OpenApi;

/// <summary>
/// An allocation-free yes/no check of the same rules as <see cref="SubmitTaskRequestValidator"/>, run before every
/// submit so that a valid request (the usual case) skips FluentValidation, which costs about 20 µs and 4.5 KB through
/// ValidateAsync (contexts, property chains, per-item paths) — more than the rest of the client. A "no" is never
/// final: the client then runs the full validator, which alone decides and words the failures. So this check may
/// only answer "valid" when the validator would; ValidationRuleTests asserts that it agrees on every rule's cases.
/// Keep it in step when a rule changes.
/// </summary>
internal static class SubmitTaskRequestFastCheck
{
    /// <summary>Whether <paramref name="request"/> certainly passes <see cref="SubmitTaskRequestValidator"/>.</summary>
    public static bool IsCertainlyValid(SubmitTaskRequest request) =>
        request.Model == KlingMotionControlInput.Model
        && (request.CallbackUrl is null || UrlRules.CheckCallbackUrl(request.CallbackUrl) is null)
        && request.Input is KlingMotionControlInput input
        && IsCertainlyValid(input);

    private static bool IsCertainlyValid(KlingMotionControlInput input) =>
        IsOneFile(input.ImageUrls, UrlRules.ImageExtensions)
        && IsOneFile(input.VideoUrls, UrlRules.VideoExtensions)
        && Enum.IsDefined(input.CharacterOrientation)
        && (input.Prompt is null || PromptRules.CodePointLength(input.Prompt, PromptRules.MaxLength) <= PromptRules.MaxLength)
        && (input.Resolution is null || Enum.IsDefined(input.Resolution.Value))
        && AreElementsCertainlyValid(input);

    private static bool AreElementsCertainlyValid(KlingMotionControlInput input)
    {
        var elements = input.KlingElements;
        if (elements is null || elements.Count == 0)
        {
            return true;
        }

        return elements.Count == 1
            && input.CharacterOrientation == CharacterOrientation.Video
            && PromptRules.MentionsElement(input.Prompt)
            && elements[0] is { } element
            && UrlRules.CheckFileUrl(element.FrontalImageUrl, UrlRules.ElementImageExtensions) is null
            && element.ReferenceImageUrls is { Count: >= 1 and <= KlingElementValidator.MaxReferenceImages } references
            && AreFiles(references, UrlRules.ElementImageExtensions);
    }

    private static bool IsOneFile(IList<Uri>? urls, string[] extensions) =>
        urls is { Count: 1 } && UrlRules.CheckFileUrl(urls[0], extensions) is null;

    private static bool AreFiles(IList<Uri> urls, string[] extensions)
    {
        for (var index = 0; index < urls.Count; index++)
        {
            if (UrlRules.CheckFileUrl(urls[index], extensions) is not null)
            {
                return false;
            }
        }

        return true;
    }
}
