using System.Globalization;
using System.Net;

namespace Poyo.OpenApi;

/// <summary>
/// Opt-in remote preflight: checks each input URL of a <see cref="KlingMotionControlInput"/> before the paid submit.
/// For every URL: reachable, a plausible content type, and a size within PoYo's limits (10 MB images, 100 MB video);
/// for the video also its duration, read from the MP4/MOV container (the <c>mvhd</c> box) through a few HTTP range
/// requests, without downloading the file: at least 3 s, at most 10 s with orientation <c>image</c> or 30 s with
/// <c>video</c>. A bad remote file never throws: it gives <see cref="PreflightOutcome.Failed"/> or
/// <see cref="PreflightOutcome.CouldNotCheck"/> with a message. Safe to share across threads.
/// </summary>
public sealed class PoyoPreflight
{
    private static readonly HttpStatusCode[] HeadRefused =
        [HttpStatusCode.Forbidden, HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotImplemented];

    private readonly HttpClient _http;
    private readonly PoyoPreflightOptions _options;

    /// <summary>Creates a preflight that sends through <paramref name="httpClient"/>, which it never disposes.</summary>
    /// <param name="httpClient">The HTTP client to fetch the input URLs with (no PoYo key is sent).</param>
    /// <param name="options">Limits, read budget, timeout; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size, budget, window or timeout in <paramref name="options"/> is not positive.</exception>
    public PoyoPreflight(HttpClient httpClient, PoyoPreflightOptions? options = null)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? new PoyoPreflightOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxImageBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxVideoBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ReadBudgetBytes, 64L, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.RangeWindowBytes, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.TimeProvider, nameof(options));
    }

    /// <summary>Checks every URL of <paramref name="input"/>: the images, the video and the kling element images.</summary>
    /// <param name="input">The input about to be submitted.</param>
    /// <param name="cancellationToken">Cancels all checks.</param>
    /// <returns>One <see cref="PreflightCheck"/> per URL, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<PreflightReport> CheckAsync(KlingMotionControlInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var checks = new List<PreflightCheck>();
        AddAll(checks, input.ImageUrls, "image_urls", PreflightInputKind.Image);
        AddAll(checks, input.VideoUrls, "video_urls", PreflightInputKind.Video);
        if (input.KlingElements is { } elements)
        {
            for (var i = 0; i < elements.Count; i++)
            {
                var element = elements[i];
                checks.Add(new PreflightCheck($"kling_elements[{i}].frontal_image_url", element?.FrontalImageUrl, PreflightInputKind.ElementImage));
                AddAll(checks, element?.ReferenceImageUrls, $"kling_elements[{i}].reference_image_urls", PreflightInputKind.ElementImage);
            }
        }

        var tasks = new Task[checks.Count];
        for (var i = 0; i < checks.Count; i++)
        {
            tasks[i] = CheckOneAsync(checks[i], input.CharacterOrientation, cancellationToken);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return new PreflightReport(checks);
    }

    private static void AddAll(List<PreflightCheck> checks, IList<Uri>? urls, string field, PreflightInputKind kind)
    {
        if (urls is null)
        {
            return;
        }

        for (var i = 0; i < urls.Count; i++)
        {
            checks.Add(new PreflightCheck($"{field}[{i}]", urls[i], kind));
        }
    }

    private async Task CheckOneAsync(PreflightCheck check, CharacterOrientation orientation, CancellationToken cancellationToken)
    {
        var findings = new Findings();
        if (check.Url is not { } url)
        {
            findings.Fail("No URL given.");
            findings.ApplyTo(check);
            return;
        }

        if (!UrlRules.IsAbsoluteHttp(url))
        {
            findings.Fail($"'{url}' is not an absolute http(s) URL, so PoYo cannot fetch it.");
            findings.ApplyTo(check);
            return;
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await Task.Yield(); // run the checks side by side; no synchronous work before the first await
            if (check.Kind == PreflightInputKind.Video)
            {
                await CheckVideoAsync(check, url, orientation, findings, linked.Token).ConfigureAwait(false);
            }
            else
            {
                await CheckImageAsync(check, url, findings, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            findings.Unknown(string.Create(CultureInfo.InvariantCulture,
                $"The server did not answer within {_options.Timeout.TotalSeconds:0.###} s (or the HttpClient timed out)."));
        }
        catch (HttpRequestException ex) when (check.StatusCode is null)
        {
            findings.Fail($"The URL cannot be reached: {ex.Message}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ByteSourceException or InvalidOperationException or FormatException)
        {
            findings.Unknown($"The transfer failed while checking: {ex.Message}");
        }

        findings.ApplyTo(check);
    }

    private async Task CheckImageAsync(PreflightCheck check, Uri url, Findings findings, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Head, url, ranged: false, cancellationToken).ConfigureAwait(false);
        try
        {
            if (Array.IndexOf(HeadRefused, response.StatusCode) >= 0)
            {
                // HEAD refused (some servers, and URLs signed for GET only): ask for the first byte instead.
                response.Dispose();
                response = await SendAsync(HttpMethod.Get, url, ranged: true, cancellationToken).ConfigureAwait(false);
            }

            check.StatusCode = response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                findings.Fail(Unreachable(response));
                return;
            }

            // The body of a ranged GET is at most one byte and is never read: only the headers matter.
            check.ContentType = response.Content.Headers.ContentType?.MediaType;
            check.ContentLength = response.StatusCode == HttpStatusCode.PartialContent
                ? response.Content.Headers.ContentRange?.Length
                : response.Content.Headers.ContentLength;
            JudgeTypeAndSize(check, findings, _options.MaxImageBytes);
        }
        finally
        {
            response.Dispose();
        }
    }

    private async Task CheckVideoAsync(
        PreflightCheck check, Uri url, CharacterOrientation orientation, Findings findings, CancellationToken cancellationToken)
    {
        var source = new HttpRangeByteSource(_http, url, _options.ReadBudgetBytes, _options.RangeWindowBytes);
        try
        {
            var probe = await source.ProbeAsync(cancellationToken).ConfigureAwait(false);
            check.StatusCode = probe.StatusCode;
            check.ContentType = probe.ContentType;
            check.ContentLength = probe.Length;
            if (probe.Ranges == RangeSupport.Unknown)
            {
                findings.Fail(Unreachable(probe.StatusCode, null));
                return;
            }

            if (check.ContentLength is null)
            {
                // A 200 sent chunked tells no size; HEAD may (it costs no body bytes).
                check.ContentLength = await HeadLengthAsync(url, cancellationToken).ConfigureAwait(false);
            }

            if (!JudgeTypeAndSize(check, findings, _options.MaxVideoBytes))
            {
                return; // a web page or another format has no MP4 duration to read
            }

            switch (probe.Ranges)
            {
                case RangeSupport.Ignored:
                    findings.Unknown("The server ignores HTTP range requests (it answered 200 with the whole file), so the duration " +
                        "was not read: that would mean downloading the whole video.");
                    return;
                case RangeSupport.Broken:
                    findings.Unknown("The server answered the range request with a missing or wrong Content-Range, so the duration was not read.");
                    return;
            }

            IsoBmffDurationResult result;
            try
            {
                result = await IsoBmffDurationReader.ReadAsync(source, cancellationToken).ConfigureAwait(false);
            }
            catch (ByteSourceException ex)
            {
                findings.Unknown($"Could not read the duration: {ex.Message}");
                return;
            }

            check.ContentLength ??= source.Length;
            if (result.Duration is not { } duration)
            {
                findings.Unknown($"Could not read the duration: {result.Detail}");
                return;
            }

            check.Duration = duration;
            JudgeDuration(duration, orientation, findings);
        }
        finally
        {
            check.BytesRead = source.BytesRead;
        }
    }

    /// <returns>False when the type rules out the file (a web page, another format); true otherwise.</returns>
    private static bool JudgeTypeAndSize(PreflightCheck check, Findings findings, long maxBytes)
    {
        var (verdict, problem) = ContentTypeRules.Judge(check.ContentType, check.Kind);
        switch (verdict)
        {
            case ContentTypeVerdict.Wrong:
                findings.Fail(problem!);
                break;
            case ContentTypeVerdict.Unknown:
                findings.Note(check.ContentType is null ? "no content type (plausible)" : $"{check.ContentType} (plausible)");
                break;
            default:
                findings.Note(check.ContentType!);
                break;
        }

        if (check.ContentLength is not { } length)
        {
            findings.Unknown("The server did not tell the file size, so the size limit was not checked.");
        }
        else if (length > maxBytes)
        {
            findings.Fail(string.Create(CultureInfo.InvariantCulture,
                $"The file is {Megabytes(length)} ({length:N0} bytes); PoYo accepts at most {Megabytes(maxBytes)} ({maxBytes:N0} bytes) for a {(check.Kind == PreflightInputKind.Video ? "video" : "image")}."));
        }
        else
        {
            findings.Note(string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes"));
        }

        return verdict != ContentTypeVerdict.Wrong;
    }

    private void JudgeDuration(TimeSpan duration, CharacterOrientation orientation, Findings findings)
    {
        var max = orientation == CharacterOrientation.Image
            ? _options.MaxVideoDurationForImageOrientation
            : _options.MaxVideoDurationForVideoOrientation;
        var name = orientation == CharacterOrientation.Image ? "image" : "video";
        if (duration < _options.MinVideoDuration)
        {
            findings.Fail($"The video is {Seconds(duration)} long; PoYo needs at least {Seconds(_options.MinVideoDuration)}.");
        }
        else if (duration > max)
        {
            var hint = orientation == CharacterOrientation.Image && duration <= _options.MaxVideoDurationForVideoOrientation
                ? $" Trim the video, or use character_orientation 'video' (up to {Seconds(_options.MaxVideoDurationForVideoOrientation)})."
                : " Trim the video.";
            findings.Fail($"The video is {Seconds(duration)} long; with character_orientation '{name}' PoYo accepts at most {Seconds(max)}.{hint}");
        }
        else
        {
            findings.Note(Seconds(duration));
        }
    }

    /// <returns>The <c>Content-Length</c> of a successful HEAD; null when HEAD fails or does not tell.</returns>
    private async Task<long?> HeadLengthAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var head = await SendAsync(HttpMethod.Head, url, ranged: false, cancellationToken).ConfigureAwait(false);
            return head.IsSuccessStatusCode ? head.Content.Headers.ContentLength : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, bool ranged, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (ranged)
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 0);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private static string Unreachable(HttpResponseMessage response) => Unreachable(response.StatusCode, response.ReasonPhrase);

    private static string Unreachable(HttpStatusCode status, string? reason)
    {
        var code = (int)status;
        var hint = status switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => "the file is not there (moved, deleted, or a typo in the URL)",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                "the file is not public (PoYo fetches it without credentials; a signed URL may have expired)",
            _ when code >= 500 => "the server failed; try again later or host the file elsewhere",
            _ => "PoYo could not fetch it either",
        };
        return string.Create(CultureInfo.InvariantCulture, $"The URL answers HTTP {code} {reason ?? status.ToString()}: {hint}.");
    }

    private static string Megabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MiB");

    private static string Seconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s");

    /// <summary>What one URL's checks found; the worst finding decides the outcome.</summary>
    private sealed class Findings
    {
        private readonly List<string> _failures = [];
        private readonly List<string> _unknowns = [];
        private readonly List<string> _notes = [];

        public void Fail(string message) => _failures.Add(message);

        public void Unknown(string message) => _unknowns.Add(message);

        public void Note(string message) => _notes.Add(message);

        public void ApplyTo(PreflightCheck check)
        {
            if (_failures.Count > 0)
            {
                check.Outcome = PreflightOutcome.Failed;
                _failures.AddRange(_unknowns);
                check.Message = string.Join(" ", _failures);
            }
            else if (_unknowns.Count > 0)
            {
                check.Outcome = PreflightOutcome.CouldNotCheck;
                check.Message = string.Join(" ", _unknowns);
            }
            else
            {
                check.Outcome = PreflightOutcome.Passed;
                check.Message = "Looks fine: " + string.Join(", ", _notes) + ".";
            }
        }
    }
}
