using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Poyo.OpenApi;

/// <summary>
/// Reads the message, business code and error type out of any error body PoYo or a proxy may send:
/// <c>error.message</c>, else <c>detail</c> (a string, or the <c>msg</c> values of an array), else <c>message</c>,
/// else the raw text, with HTML reduced to its text, trimmed and capped.
/// </summary>
internal static partial class ErrorMessageReader
{
    /// <summary>The longest message taken from a raw body.</summary>
    public const int MaxRawMessageLength = 300;

    /// <summary>What an error body says.</summary>
    public readonly record struct ErrorBody(string? Message, int? Code, string? Type);

    /// <summary>Parses <paramref name="body"/>; never throws.</summary>
    public static ErrorBody Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        var json = TryParseObject(body);
        if (json is null)
        {
            return new ErrorBody(ReduceRawText(body), null, null);
        }

        var code = json["code"] is JValue { Type: JTokenType.Integer } codeToken ? ClampToInt(codeToken.Value) : null;
        var error = json["error"];
        var type = error is JObject errorObject ? AsText(errorObject["type"]) : null;
        var message =
            (error is JObject withMessage ? AsText(withMessage["message"]) : AsText(error))
            ?? ReadDetail(json["detail"])
            ?? AsText(json["message"])
            ?? AsText(json["msg"])
            ?? ReduceRawText(body);
        return new ErrorBody(message, code, type);
    }

    /// <summary>Reduces a non-JSON body (an HTML error page, say) to at most <see cref="MaxRawMessageLength"/> characters of text.</summary>
    public static string? ReduceRawText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var text = body;
        if (text.Contains('<', StringComparison.Ordinal))
        {
            text = ScriptOrStyle().Replace(text, " ");
            text = Tag().Replace(text, " ");
            text = WebUtility.HtmlDecode(text);
        }

        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length <= MaxRawMessageLength ? text : string.Concat(text.AsSpan(0, MaxRawMessageLength), "…");
    }

    /// <summary>A JSON integer (a long, or a BigInteger past long) as an int, saturated at the int range.</summary>
    private static int? ClampToInt(object? value) => value switch
    {
        long number => (int)Math.Clamp(number, int.MinValue, int.MaxValue),
        System.Numerics.BigInteger big => big.Sign < 0 ? int.MinValue : int.MaxValue,
        _ => null,
    };

    private static JObject? TryParseObject(string body)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return null;
        }

        try
        {
            return JObject.Parse(body);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static string? ReadDetail(JToken? detail)
    {
        if (detail is JArray items)
        {
            var builder = new StringBuilder();
            foreach (var item in items)
            {
                var text = item is JObject entry ? AsText(entry["msg"]) : AsText(item);
                if (text is null)
                {
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append("; ");
                }

                builder.Append(text);
            }

            return builder.Length == 0 ? null : builder.ToString();
        }

        return AsText(detail);
    }

    private static string? AsText(JToken? token) => token switch
    {
        null => null,
        { Type: JTokenType.String } => string.IsNullOrWhiteSpace(token.Value<string>()) ? null : token.Value<string>()!.Trim(),
        { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } => token.ToString(),
        _ => null,
    };

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
