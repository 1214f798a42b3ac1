using Poyo.Cli.Output;
using Poyo.OpenApi;
using Spectre.Console;

namespace Poyo.Cli.Waiting;

/// <summary>
/// Waits for a task while showing its progress on stderr: a live Spectre.Console progress bar on a terminal, else one
/// plain line per change (<c>task-… running 40%</c>), so logs and pipes get readable text and no escape codes.
/// </summary>
internal static class WaitDisplay
{
    public static Task<PoyoTask> WaitAsync(PoyoTaskOperation operation, Terminal terminal, CancellationToken cancellationToken) =>
        terminal.ShowsLiveProgress
            ? WaitLiveAsync(operation, terminal.CreateErrorConsole(), cancellationToken)
            : operation.WaitForCompletionAsync(new SynchronousProgress(update => terminal.Error.WriteLine(update.ToString())), cancellationToken: cancellationToken);

    private static Task<PoyoTask> WaitLiveAsync(PoyoTaskOperation operation, IAnsiConsole console, CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape($"{operation.Id} submitted"), maxValue: 100);
                bar.IsIndeterminate = true;
                var progress = new SynchronousProgress(update =>
                {
                    bar.Description = Markup.Escape($"{update.TaskId} {update.Status}");
                    if (update.Percent is { } percent)
                    {
                        bar.IsIndeterminate = false;
                        bar.Value = percent;
                    }
                });
                var task = await operation.WaitForCompletionAsync(progress, cancellationToken: cancellationToken).ConfigureAwait(false);
                bar.IsIndeterminate = false;
                bar.Value = 100;
                bar.StopTask();
                return task;
            });

    /// <summary>Reports on the waiting thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<PoyoTaskProgress> report) : IProgress<PoyoTaskProgress>
    {
        public void Report(PoyoTaskProgress value) => report(value);
    }
}
