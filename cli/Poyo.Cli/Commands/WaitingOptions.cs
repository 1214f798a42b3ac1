using System.CommandLine;
using Poyo.Cli.Waiting;

namespace Poyo.Cli.Commands;

/// <summary>The options of commands that wait for a task (<c>--timeout</c>, <c>--poll-interval</c>), checked at parse time.</summary>
internal sealed class WaitingOptions
{
    public Option<double?> Timeout { get; } = PositiveSeconds("--timeout", "How long to wait in all before giving up with exit code 6 (default: 1800). The task keeps running.");

    public Option<double?> PollInterval { get; } = PositiveSeconds("--poll-interval", "The longest interval between two status requests (default: 30; the interval starts at 5 and grows).");

    public void AddTo(Command command)
    {
        command.Options.Add(Timeout);
        command.Options.Add(PollInterval);
    }

    public WaitSettings Read(ParseResult parseResult) =>
        new(ToTimeSpan(parseResult.GetValue(Timeout)), ToTimeSpan(parseResult.GetValue(PollInterval)));

    private static TimeSpan? ToTimeSpan(double? seconds) => seconds is { } value ? TimeSpan.FromSeconds(value) : null;

    private static Option<double?> PositiveSeconds(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "SECONDS" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && (!double.IsFinite(value) || value <= 0 || value > TimeSpan.MaxValue.TotalSeconds / 2))
            {
                result.AddError($"{name} must be a positive number of seconds (got {value}).");
            }
        });
        return option;
    }
}
