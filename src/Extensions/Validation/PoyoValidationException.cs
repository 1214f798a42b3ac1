using System.Text;
using FluentValidation.Results;

namespace Poyo.OpenApi;

/// <summary>
/// A request broke the API's rules; nothing was sent. <see cref="Failures"/> lists every problem, each with its wire
/// path, e.g. <c>input.video_urls[0]: must be an .mp4 or .mov file (got .avi)</c>.
/// </summary>
public sealed class PoyoValidationException : PoyoException
{
    /// <summary>Creates the exception from the failures found.</summary>
    /// <param name="failures">Every failure; at least one.</param>
    public PoyoValidationException(IReadOnlyList<PoyoValidationFailure> failures)
        : base(PoyoErrorCategory.InvalidRequest, Describe(failures))
    {
        Failures = failures;
    }

    /// <summary>Every problem found, in rule order.</summary>
    public IReadOnlyList<PoyoValidationFailure> Failures { get; }

    /// <summary>The exception listing every error of a failed FluentValidation <paramref name="result"/>, e.g. from
    /// <c>SubmitTaskRequestValidator.Instance.Validate(request)</c>.</summary>
    /// <param name="result">A validation result with at least one error.</param>
    /// <returns>The exception to throw.</returns>
    public static PoyoValidationException FromResult(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var failures = new List<PoyoValidationFailure>(result.Errors.Count);
        foreach (var error in result.Errors)
        {
            failures.Add(new PoyoValidationFailure(error.PropertyName, error.ErrorMessage));
        }

        return new PoyoValidationException(failures);
    }

    private static string Describe(IReadOnlyList<PoyoValidationFailure> failures)
    {
        var builder = new StringBuilder("The request is invalid; nothing was sent:");
        foreach (var failure in failures)
        {
            builder.Append("\n  ").Append(failure);
        }

        return builder.ToString();
    }
}

/// <summary>One broken rule.</summary>
public sealed class PoyoValidationFailure
{
    /// <summary>Creates a failure.</summary>
    /// <param name="path">The wire path of the value, e.g. <c>input.image_urls[0]</c>.</param>
    /// <param name="message">What is wrong and what is expected.</param>
    public PoyoValidationFailure(string path, string message)
    {
        Path = path;
        Message = message;
    }

    /// <summary>The wire path of the value, e.g. <c>input.image_urls[0]</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong and what is expected.</summary>
    public string Message { get; }

    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
