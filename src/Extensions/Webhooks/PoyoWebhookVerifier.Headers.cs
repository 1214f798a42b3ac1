using System.Diagnostics.CodeAnalysis;

namespace Poyo.OpenApi;

/// <summary>Overloads that read the two headers themselves, so any HTTP stack fits without a dependency on it.</summary>
public sealed partial class PoyoWebhookVerifier
{
    /// <summary>Verifies a callback, reading its headers through <paramref name="getHeader"/>.</summary>
    /// <param name="getHeader">
    /// Returns a header's value by name, or null when absent. ASP.NET Core:
    /// <c>name =&gt; request.Headers.TryGetValue(name, out var v) ? v.ToString() : null</c>.
    /// </param>
    /// <param name="body">The request body as received (UTF-8 text).</param>
    /// <returns>The task from the body. Its id is authenticated; its other fields are not (the body is unsigned).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="getHeader"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="PoyoWebhookException">The callback failed verification; see <see cref="PoyoWebhookException.Failure"/>.</exception>
    public PoyoTask Verify(Func<string, string?> getHeader, string body)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        return Verify(getHeader(PoyoWebhookHeaders.Signature), getHeader(PoyoWebhookHeaders.Timestamp), body);
    }

    /// <summary>Verifies a callback without throwing for a bad one, reading its headers through <paramref name="getHeader"/>.</summary>
    /// <param name="getHeader">Returns a header's value by name, or null when absent.</param>
    /// <param name="body">The request body as received (UTF-8 text).</param>
    /// <param name="task">The task from the body when verified; otherwise null.</param>
    /// <param name="failure">Why the callback was rejected; <see cref="PoyoWebhookFailure.None"/> when verified.</param>
    /// <returns>Whether the callback is authentic and fresh.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="getHeader"/> or <paramref name="body"/> is null.</exception>
    public bool TryVerify(Func<string, string?> getHeader, string body, [NotNullWhen(true)] out PoyoTask? task, out PoyoWebhookFailure failure)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        return TryVerify(getHeader(PoyoWebhookHeaders.Signature), getHeader(PoyoWebhookHeaders.Timestamp), body, out task, out failure);
    }

    /// <summary>Verifies a callback whose headers come as name/values pairs, e.g. <see cref="HttpRequestMessage.Headers"/>.</summary>
    /// <param name="headers">The request headers; names match case-insensitively, several values are joined with ", ".</param>
    /// <param name="body">The request body as received (UTF-8 text).</param>
    /// <returns>The task from the body. Its id is authenticated; its other fields are not (the body is unsigned).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="PoyoWebhookException">The callback failed verification; see <see cref="PoyoWebhookException.Failure"/>.</exception>
    public PoyoTask Verify(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, string body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Verify(name => Find(headers, name), body);
    }

    /// <summary>Verifies a callback without throwing for a bad one; headers as name/values pairs.</summary>
    /// <param name="headers">The request headers; names match case-insensitively, several values are joined with ", ".</param>
    /// <param name="body">The request body as received (UTF-8 text).</param>
    /// <param name="task">The task from the body when verified; otherwise null.</param>
    /// <param name="failure">Why the callback was rejected; <see cref="PoyoWebhookFailure.None"/> when verified.</param>
    /// <returns>Whether the callback is authentic and fresh.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="body"/> is null.</exception>
    public bool TryVerify(
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers,
        string body,
        [NotNullWhen(true)] out PoyoTask? task,
        out PoyoWebhookFailure failure)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return TryVerify(name => Find(headers, name), body, out task, out failure);
    }

    /// <summary>
    /// The header's value; a repeated header's values joined with ", " (as ASP.NET Core does), which then fails
    /// verification instead of silently picking one.
    /// </summary>
    internal static string? Find(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, string name)
    {
        List<string>? values = null;
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && value is not null)
            {
                (values ??= []).AddRange(value);
            }
        }

        return values is null ? null : string.Join(", ", values);
    }
}
