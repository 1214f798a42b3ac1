using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>
/// Checks a submit body the way PoYo documents <c>kling-3.0-motion-control</c> (shared/reference/poyo-api.md §5).
/// Unknown fields are ignored; file sizes and video durations cannot be checked and are not.
/// </summary>
internal static class SubmitRequestValidator
{
    public const string Model = "kling-3.0-motion-control";
    public const int MaxPromptLength = 2500;

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];
    private static readonly string[] VideoExtensions = [".mp4", ".mov"];
    private static readonly string[] ElementImageExtensions = [".jpg", ".jpeg", ".png", ".webp"];

    /// <summary>Why the body is invalid, or null when it is valid.</summary>
    public static string? FindError(JObject body)
    {
        if (body["model"] is not { Type: JTokenType.String } modelToken)
        {
            return "Invalid parameter: model is required";
        }

        if ((string?)modelToken != Model)
        {
            return $"Invalid parameter: model '{(string?)modelToken}' is not supported here (only {Model})";
        }

        if (body["callback_url"] is { } callback && callback.Type != JTokenType.Null
            && (callback.Type != JTokenType.String || !IsHttpUrl((string?)callback, httpsOnly: true, out _)))
        {
            return "Invalid parameter: callback_url must be an https URL";
        }

        if (body["input"] is not JObject input)
        {
            return "Invalid parameter: input is required and must be an object";
        }

        return FindInputError(input);
    }

    private static string? FindInputError(JObject input)
    {
        var error = CheckSingleUrl(input["image_urls"], "image_urls", ImageExtensions)
            ?? CheckSingleUrl(input["video_urls"], "video_urls", VideoExtensions);
        if (error is not null)
        {
            return error;
        }

        var orientation = input["character_orientation"];
        if (orientation is not { Type: JTokenType.String } || ((string?)orientation is not ("image" or "video")))
        {
            return "Invalid parameter: character_orientation must be 'image' or 'video'";
        }

        if (input["prompt"] is { } prompt && prompt.Type != JTokenType.Null)
        {
            if (prompt.Type != JTokenType.String)
            {
                return "Invalid parameter: prompt must be a string";
            }

            var text = (string)prompt!;
            if (text.EnumerateRunes().Count() > MaxPromptLength)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Invalid parameter: prompt exceeds {MaxPromptLength} characters");
            }
        }

        if (input["resolution"] is { } resolution && resolution.Type != JTokenType.Null
            && (resolution.Type != JTokenType.String || (string?)resolution is not ("720p" or "1080p")))
        {
            return "Invalid parameter: resolution must be '720p' or '1080p'";
        }

        return CheckElements(input["kling_elements"], (string)orientation!);
    }

    private static string? CheckElements(JToken? token, string orientation)
    {
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token is not JArray elements)
        {
            return "Invalid parameter: kling_elements must be an array";
        }

        if (elements.Count == 0)
        {
            return null;
        }

        if (elements.Count > 1)
        {
            return "Invalid parameter: kling_elements allows at most 1 element";
        }

        if (orientation != "video")
        {
            return "Invalid parameter: kling_elements is only allowed with character_orientation 'video'";
        }

        if (elements[0] is not JObject element)
        {
            return "Invalid parameter: kling_elements[0] must be an object";
        }

        if (element["frontal_image_url"] is not { Type: JTokenType.String } frontal
            || !IsHttpUrl((string?)frontal, httpsOnly: false, out var frontalUrl)
            || !HasExtension(frontalUrl, ElementImageExtensions))
        {
            return "Invalid parameter: kling_elements[0].frontal_image_url must be an http(s) URL of a .jpg, .jpeg, .png or .webp image";
        }

        if (element["reference_image_urls"] is not JArray references || references.Count is < 1 or > 3)
        {
            return "Invalid parameter: kling_elements[0].reference_image_urls must hold 1 to 3 URLs";
        }

        foreach (var reference in references)
        {
            if (reference.Type != JTokenType.String || !IsHttpUrl((string?)reference, httpsOnly: false, out var url) || !HasExtension(url, ElementImageExtensions))
            {
                return "Invalid parameter: kling_elements[0].reference_image_urls must be http(s) URLs of .jpg, .jpeg, .png or .webp images";
            }
        }

        return null;
    }

    private static string? CheckSingleUrl(JToken? token, string field, string[] extensions)
    {
        if (token is not JArray items || items.Count != 1)
        {
            return $"Invalid parameter: {field} must hold exactly 1 URL";
        }

        if (items[0].Type != JTokenType.String || !IsHttpUrl((string?)items[0], httpsOnly: false, out var url))
        {
            return $"Invalid parameter: {field}[0] must be an http(s) URL";
        }

        return HasExtension(url, extensions)
            ? null
            : $"Invalid parameter: {field}[0] must end with {string.Join(", ", extensions)}";
    }

    private static bool IsHttpUrl(string? text, bool httpsOnly, out Uri url)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttps || (!httpsOnly && parsed.Scheme == Uri.UriSchemeHttp))
            && !string.IsNullOrEmpty(parsed.Host))
        {
            url = parsed;
            return true;
        }

        url = null!;
        return false;
    }

    /// <summary>Whether the URL's path (query and fragment ignored) ends with one of the extensions, case-insensitive.</summary>
    private static bool HasExtension(Uri url, string[] extensions) =>
        extensions.Any(extension => url.AbsolutePath.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
}
