using System.CommandLine;

namespace Poyo.Cli.Commands;

/// <summary>Options about what is printed.</summary>
internal static class OutputOptions
{
    /// <summary>A new <c>--json</c> option (one per command).</summary>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the task as one JSON object on stdout (task_id, status, progress, files, ...) and nothing else there.",
    };
}
