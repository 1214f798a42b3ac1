using System.CommandLine;

namespace Poyo.Cli.Commands;

/// <summary>The <c>TASK_ID</c> argument of <c>status</c> and <c>wait</c>; a blank id is a parse error (exit code 2).</summary>
internal static class TaskIdArgument
{
    public static Argument<string> Create()
    {
        var argument = new Argument<string>("TASK_ID") { Description = "The task id printed by motion-control (task-…)." };
        argument.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("TASK_ID must not be blank.");
            }
        });
        return argument;
    }
}
