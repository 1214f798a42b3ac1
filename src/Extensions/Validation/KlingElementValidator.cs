using FluentValidation;

namespace Poyo.OpenApi;

/// <summary>The rules of one kling element: a frontal image and one to three reference images (.jpg/.jpeg/.png/.webp).</summary>
public sealed class KlingElementValidator : AbstractValidator<KlingElement>
{
    /// <summary>The most reference images an element may have.</summary>
    public const int MaxReferenceImages = 3;

    /// <summary>Creates the validator.</summary>
    public KlingElementValidator()
    {
        RuleFor(element => element.FrontalImageUrl)
            .Configure(rule => rule.PropertyName = "frontal_image_url")
            .Custom((url, context) => KlingMotionControlInputValidator.Report(context, UrlRules.CheckFileUrl(url, UrlRules.ElementImageExtensions)));

        RuleFor(element => element.ReferenceImageUrls)
            .Configure(rule => rule.PropertyName = "reference_image_urls")
            .Custom((urls, context) =>
            {
                var count = urls?.Count ?? 0;
                if (count is < 1 or > MaxReferenceImages)
                {
                    context.AddFailure($"must hold 1 to {MaxReferenceImages} image URLs (got {count})");
                }
            });

        RuleForEach(element => element.ReferenceImageUrls)
            .Configure(rule => rule.PropertyName = "reference_image_urls")
            .Custom((url, context) => KlingMotionControlInputValidator.Report(context, UrlRules.CheckFileUrl(url, UrlRules.ElementImageExtensions)));
    }
}
