using System.CommandLine;
using Poyo.Cli.Waiting;

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
            CommandSession.RunAsync(parseResult, parseResult.GetValue(json), cancellationToken, async session =>
            {
                var connection = session.Connect(new WaitSettings(null, null));
                var balance = await connection.Client.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
                session.Output.WriteBalance(balance);
                return ExitCodes.Success;
            }));
        return command;
    }
}
