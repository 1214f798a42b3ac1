using FluentValidation;

namespace Poyo.OpenApi;

/// <summary>
/// The input rules of <c>kling-3.0-motion-control</c> that can be checked without fetching a file. Failures are
/// named by their wire path (<c>video_urls[0]</c>). Run by <see cref="PoyoClient"/> before every submit; callable
/// on its own. Thread-safe: create one and reuse it.
/// </summary>
public sealed class KlingMotionControlInputValidator : AbstractValidator<KlingMotionControlInput>
{
    /// <summary>Creates the validator.</summary>
    public KlingMotionControlInputValidator()
    {
        RuleFor(input => input.ImageUrls).Configure(rule => rule.PropertyName = "image_urls").Custom(ExactlyOne("image URL"));
        RuleForEach(input => input.ImageUrls)
            .Configure(rule => rule.PropertyName = "image_urls")
            .Custom((url, context) => Report(context, UrlRules.CheckFileUrl(url, UrlRules.ImageExtensions)));

        RuleFor(input => input.VideoUrls).Configure(rule => rule.PropertyName = "video_urls").Custom(ExactlyOne("video URL"));
        RuleForEach(input => input.VideoUrls)
            .Configure(rule => rule.PropertyName = "video_urls")
            .Custom((url, context) => Report(context, UrlRules.CheckFileUrl(url, UrlRules.VideoExtensions)));

        RuleFor(input => input.CharacterOrientation)
            .IsInEnum().WithMessage("must be image or video")
            .Configure(rule => rule.PropertyName = "character_orientation");

        RuleFor(input => input.Prompt)
            .Configure(rule => rule.PropertyName = "prompt")
            .Custom((prompt, context) =>
            {
                var length = prompt is null ? 0 : PromptRules.CodePointLength(prompt, PromptRules.MaxLength);
                if (length > PromptRules.MaxLength)
                {
                    context.AddFailure($"must be at most {PromptRules.MaxLength} characters, counted as Unicode code points (got more)");
                }
            });

        RuleFor(input => input.Resolution)
            .IsInEnum().WithMessage("must be 720p or 1080p")
            .Configure(rule => rule.PropertyName = "resolution");

        RuleFor(input => input.KlingElements)
            .Configure(rule => rule.PropertyName = "kling_elements")
            .Custom((elements, context) =>
            {
                if (elements is null || elements.Count == 0)
                {
                    return;
                }

                if (elements.Count > 1)
                {
                    context.AddFailure($"must hold at most one element (got {elements.Count})");
                }

                var input = context.InstanceToValidate;
                if (input.CharacterOrientation != CharacterOrientation.Video)
                {
                    context.AddFailure("are only allowed with character_orientation video");
                }

                if (!PromptRules.MentionsElement(input.Prompt))
                {
                    context.AddFailure($"need the prompt to refer to the element as {PromptRules.ElementReference}; without it the element would be paid for and ignored");
                }
            });

        RuleForEach(input => input.KlingElements)
            .SetValidator(new KlingElementValidator())
            .Configure(rule => rule.PropertyName = "kling_elements");
    }

    /// <summary>A rule that the list holds exactly one entry.</summary>
    internal static Action<IList<Uri>, ValidationContext<KlingMotionControlInput>> ExactlyOne(string what) =>
        (urls, context) =>
        {
            if (urls is null || urls.Count != 1)
            {
                context.AddFailure($"must hold exactly one {what} (got {(urls is null ? "none" : urls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))})");
            }
        };

    /// <summary>Adds <paramref name="problem"/> as a failure of the current property, if there is one.</summary>
    internal static void Report<T>(ValidationContext<T> context, string? problem)
    {
        if (problem is not null)
        {
            context.AddFailure(problem);
        }
    }
}
