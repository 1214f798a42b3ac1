using System.CommandLine;
using Poyo.Cli.Waiting;

namespace Poyo.Cli.Commands;

/// <summary><c>poyo status TASK_ID</c>: read a task's status once. Exit 0, or 1 when the task has failed.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var taskId = TaskIdArgument.Create();
        var json = OutputOptions.Json();
        var command = new Command("status", "Show a task's status, progress and output files once.");
        command.Arguments.Add(taskId);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
            CommandSession.RunAsync(parseResult, parseResult.GetValue(json), cancellationToken, async session =>
            {
                var id = parseResult.GetRequiredValue(taskId).Trim();
                session.TaskId = id;
                var connection = session.Connect(new WaitSettings(null, null));
                var task = await connection.Client.GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
                session.Output.WriteTask(task, includeId: true);
                if (!task.Status.IsFailure)
                {
                    return ExitCodes.Success;
                }

                await session.Terminal.Error.WriteLineAsync($"error: Task {id} {task.Status}: {task.ErrorMessage ?? "PoYo gave no reason"}").ConfigureAwait(false);
                return ExitCodes.TaskFailed;
            }));
        return command;
    }
}
