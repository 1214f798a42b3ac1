using System.CommandLine;
using Poyo.Cli.Commands;

namespace Poyo.Cli;

/// <summary>The command tree of <c>poyo</c> and its entry point: parse, report a parse error as exit code 2, else run the command.</summary>
internal static class PoyoCommandLine
{
    /// <summary>Builds the root command with every subcommand and the options they share.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("The PoYo AI generation API from the command line (kling-3.0-motion-control).");
        root.Options.Add(ConnectionOptions.ApiKey);
        root.Options.Add(ConnectionOptions.BaseUrl);
        root.Subcommands.Add(MotionControlCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(WaitCommand.Create());
        root.Subcommands.Add(BalanceCommand.Create());
        return root;
    }

    /// <summary>Runs one command line and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // System.CommandLine would exit with 1, which here means "task failed"; bad usage is 2 (nothing sent).
            foreach (var error in parseResult.Errors)
            {
                var message = string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                await Console.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            }

            var command = parseResult.CommandResult.Command is RootCommand ? "poyo" : $"poyo {parseResult.CommandResult.Command.Name}";
            await Console.Error.WriteLineAsync($"Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        // The action gets a token cancelled by Ctrl+C or SIGTERM and maps it to exit code 130 itself.
        return await parseResult.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
    }
}
