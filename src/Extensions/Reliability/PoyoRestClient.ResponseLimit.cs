namespace Poyo.OpenApi;

/// <summary>
/// The cap on how much of a response is read into memory, applied in the generated client's response hook so it
/// holds for any <see cref="HttpClient"/> (owned, passed in, or from a factory).
/// </summary>
internal partial class PoyoRestClient
{
    /// <summary>The most bytes of one response body read into memory; 0 or less means no cap.</summary>
    public long MaxResponseBytes { get; set; }

    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        if (MaxResponseBytes <= 0 || response.Content is null)
        {
            return;
        }

        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength is { } declared)
        {
            // A declared length is enforced by the HTTP framing itself: refuse a large one before reading, and read a
            // small one as it is (no wrapper, no copy).
            if (declared > MaxResponseBytes)
            {
                throw new ResponseTooLargeException(status, MaxResponseBytes);
            }

            return;
        }

        response.Content = new LengthLimitedContent(response.Content, MaxResponseBytes, status);
    }
}
