using System.CommandLine;
using Poyo.Cli.Output;
using Poyo.Cli.Waiting;
using Poyo.OpenApi;

namespace Poyo.Cli.Commands;

/// <summary><c>poyo wait TASK_ID</c>: resume waiting for a submitted task (after --no-wait, a timeout or Ctrl+C).</summary>
internal static class WaitCommand
{
    public static Command Create()
    {
        var taskId = TaskIdArgument.Create();
        var waiting = new WaitingOptions();
        var output = new Option<string?>("--output") { Description = "Download the output files into this directory.", HelpName = "DIR" };
        var json = OutputOptions.Json();
        var command = new Command("wait", "Wait for a task to end, with progress, and print its output files.");
        command.Arguments.Add(taskId);
        waiting.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
            CommandSession.RunAsync(parseResult, parseResult.GetValue(json), cancellationToken, async session =>
            {
                var id = parseResult.GetRequiredValue(taskId).Trim();
                session.TaskId = id;
                var outputDirectory = OutputDirectory.Validate(parseResult.GetValue(output));
                var connection = session.Connect(waiting.Read(parseResult));
                session.Output.WriteTaskId(id);
                var task = await WaitDisplay.WaitAsync(new PoyoTaskOperation(id, connection.Client), session.Terminal, cancellationToken).ConfigureAwait(false);
                session.Output.WriteTask(task, includeId: false);
                await MotionControlCommand.SaveAsync(connection.Client, task, outputDirectory, session, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }));
        return command;
    }
}
