using System.CommandLine;

namespace Poyo.Cli.Commands;

/// <summary><c>poyo balance</c>: the account's remaining credits.</summary>
internal static class BalanceCommand
{
    public static Command Create()
    {
        var json = OutputOptions.Json();
        var command = new Command("balance", "Show the account's remaining credits.");
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
            CommandSession.RunAsync(parseResult, parseResult.GetValue(json), cancellationToken, session =>
            {
                // INTEGRATE: once PoyoClient.GetBalanceAsync exists (api branch), make this lambda async and replace the throw with:
                //   var connection = session.Connect(new WaitSettings(null, null));
                //   var balance = await connection.Client.GetBalanceAsync(cancellationToken);
                //   then print "Credits  <n>" on stdout (or one JSON object with --json) and return ExitCodes.Success.
                //   API failures then map to exit codes 3/4/5 like the other commands (ErrorReporter).
                throw new CliException(ExitCodes.ApiError, "'poyo balance' is not yet available in this build of poyo.");
            }));
        return command;
    }
}
