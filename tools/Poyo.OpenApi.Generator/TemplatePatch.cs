namespace Poyo.OpenApi.Generator;

/// <summary>
/// One exact text replacement in one of NSwag's embedded Liquid templates. <see cref="Find"/> must occur exactly
/// <see cref="Count"/> times (line endings as the template has them), else generation fails: a patch that no longer
/// matches must be noticed, not skipped.
/// </summary>
internal sealed record TemplatePatch(string Language, string Template, string Why, string Find, string Replace, int Count = 1)
{
    /// <summary>Every patch, in the order applied.</summary>
    public static readonly IReadOnlyList<TemplatePatch> All =
    [
        new(
            "CSharp",
            "File",
            "FileParameter is only used by the internal client; NSwag hard-codes it public whatever typeAccessModifier says.",
            "public partial class FileParameter",
            "internal partial class FileParameter"),
        new(
            "CSharp",
            "Client.Class",
            "JSON request bodies go through the client's CreateJsonContent (one reused serializer, UTF-8 bytes) instead of "
                + "JsonConvert.SerializeObject, which builds a serializer per request, then a string, then StringContent's bytes.",
            """
                            var json_ = {% if UseSystemTextJson %}System.Text.Json.JsonSerializer.SerializeToUtf8Bytes{% else %}Newtonsoft.Json.JsonConvert.SerializeObject{% endif %}({{ operation.ContentParameter.VariableName }}, {% if SerializeTypeInformation %}typeof({{ operation.ContentParameter.Type }}), {% endif %}{% if UseRequestAndResponseSerializationSettings %}Request{% endif %}JsonSerializerSettings);
                            var content_ = new System.Net.Http.{% if UseSystemTextJson %}ByteArrayContent{% else %}StringContent{% endif %}(json_);
                            content_.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("{{ operation.Consumes }}");
            """,
            """
                            var content_ = CreateJsonContent({{ operation.ContentParameter.VariableName }}, "{{ operation.Consumes }}");
            """),
        new(
            "CSharp",
            "Client.Class",
            "Known methods are static HttpMethod instances (Parse returns them) instead of a new one per request.",
            "request_.Method = new System.Net.Http.HttpMethod(",
            "request_.Method = System.Net.Http.HttpMethod.Parse("),
        new(
            "CSharp",
            "Client.Class",
            "Accept is a constant: added as text (the same bytes on the wire) instead of parsed per request.",
            "request_.Headers.Accept.Add(System.Net.Http.Headers.MediaTypeWithQualityHeaderValue.Parse(\"{{ operation.Produces }}\"));",
            "request_.Headers.TryAddWithoutValidation(\"Accept\", \"{{ operation.Produces }}\");"),
        new(
            "CSharp",
            "Client.Class",
            "The URL (base, path, escaped id) fits in 128 chars: one buffer instead of growing from 16.",
            "var urlBuilder_ = new System.Text.StringBuilder();",
            "var urlBuilder_ = new System.Text.StringBuilder(128);"),
        new(
            "CSharp",
            "Client.Class",
            "Only errors read the response headers: ResponseHeaders copies them into the same dictionary on first use "
                + "(PoyoRestException does, while the response is alive) instead of on every call, which parsed every header.",
            """
                                var headers_ = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IEnumerable<string>>();
                                foreach (var item_ in response_.Headers)
                                    headers_[item_.Key] = item_.Value;
                                if (response_.Content != null && response_.Content.Headers != null)
                                {
                                    foreach (var item_ in response_.Content.Headers)
                                        headers_[item_.Key] = item_.Value;
                                }
            """,
            """
                                var headers_ = new ResponseHeaders(response_);
            """),
    ];

    /// <summary>The template with this patch applied.</summary>
    /// <exception cref="InvalidOperationException">The text to replace does not occur exactly <see cref="Count"/> times.</exception>
    public string ApplyTo(string text)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var find = Find.ReplaceLineEndings(newline);
        var found = 0;
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + find.Length, StringComparison.Ordinal))
        {
            found++;
        }

        if (found != Count)
        {
            throw new InvalidOperationException(
                $"NSwag's {Language} {Template} template contains the patched text {found} times instead of {Count}; update {nameof(TemplatePatch)} ({Why}). Text: {Find}");
        }

        return text.Replace(find, Replace.ReplaceLineEndings(newline), StringComparison.Ordinal);
    }
}
