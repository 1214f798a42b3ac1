using System.Globalization;
using System.Net;

namespace Poyo.OpenApi;

/// <summary>What the preflight found out about one input URL.</summary>
public sealed class PreflightCheck
{
    internal PreflightCheck(string field, Uri? url, PreflightInputKind kind)
    {
        Field = field;
        Url = url;
        Kind = kind;
    }

    /// <summary>The input field, as in the JSON body: <c>image_urls[0]</c>, <c>kling_elements[0].frontal_image_url</c>, …</summary>
    public string Field { get; }

    /// <summary>The URL checked; null when the field held none.</summary>
    public Uri? Url { get; }

    /// <summary>Which kind of input this is; it decides the limits.</summary>
    public PreflightInputKind Kind { get; }

    /// <summary>The verdict.</summary>
    public PreflightOutcome Outcome { get; internal set; } = PreflightOutcome.Passed;

    /// <summary>What was found, in words a user can act on (every problem, one sentence each).</summary>
    public string Message { get; internal set; } = string.Empty;

    /// <summary>The HTTP status of the first answer; null when the server was not reached.</summary>
    public HttpStatusCode? StatusCode { get; internal set; }

    /// <summary>The file size in bytes, from <c>Content-Length</c> or <c>Content-Range</c>; null when the server did not say.</summary>
    public long? ContentLength { get; internal set; }

    /// <summary>The media type the server declared (<c>video/mp4</c>), without parameters; null when it declared none.</summary>
    public string? ContentType { get; internal set; }

    /// <summary>The video's duration from its container (the <c>mvhd</c> box); null for images and when not read.</summary>
    public TimeSpan? Duration { get; internal set; }

    /// <summary>How many bytes of the file's body the preflight read (headers not counted).</summary>
    public long BytesRead { get; internal set; }

    /// <summary>One line: outcome, field, URL and message.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Outcome} {Field} {Url?.ToString() ?? "(none)"}: {Message} ({BytesRead} bytes read)");
}
