using FluentValidation;

namespace Poyo.OpenApi;

/// <summary>
/// The rules of a submit: a known model, an input of that model's type (validated by the model's validator), and
/// an optional callback URL PoYo can reach. Failures are named by wire path (<c>input.video_urls[0]</c>).
/// Thread-safe: create one and reuse it (<see cref="Instance"/>).
/// </summary>
public sealed class SubmitTaskRequestValidator : AbstractValidator<SubmitTaskRequest>
{
    /// <summary>A shared instance.</summary>
    public static SubmitTaskRequestValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public SubmitTaskRequestValidator()
    {
        RuleFor(request => request.Model)
            .Equal(KlingMotionControlInput.Model).WithMessage("must be kling-3.0-motion-control, the only model this client knows")
            .Configure(rule => rule.PropertyName = "model");

        RuleFor(request => request.CallbackUrl)
            .Configure(rule => rule.PropertyName = "callback_url")
            .Custom((url, context) =>
            {
                if (url is not null)
                {
                    KlingMotionControlInputValidator.Report(context, UrlRules.CheckCallbackUrl(url));
                }
            });

        RuleFor(request => request.Input)
            .Configure(rule => rule.PropertyName = "input")
            .Custom((input, context) =>
            {
                if (input is null)
                {
                    context.AddFailure("must not be null");
                }
                else if (input is not KlingMotionControlInput)
                {
                    context.AddFailure($"must be a KlingMotionControlInput for model kling-3.0-motion-control (got {input.GetType().Name})");
                }
            });

        RuleFor(request => request.Input)
            .SetInheritanceValidator(validators => validators.Add(new KlingMotionControlInputValidator()))
            .Configure(rule => rule.PropertyName = "input");
    }
}
