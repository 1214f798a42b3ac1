using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Poyo.OpenApi;

namespace Poyo.Cli.Output;

/// <summary>
/// Writes results on stdout: for people, aligned <c>Label  value</c> lines (<c>Task</c>, <c>Status</c>, <c>File</c>, ...)
/// that also read well with <c>awk '$1=="File" {print $2}'</c>; with <c>--json</c>, one JSON object and nothing else.
/// </summary>
internal sealed class TaskOutput
{
    private const int LabelWidth = 9;
    private readonly Terminal _terminal;

    public TaskOutput(Terminal terminal, bool json)
    {
        _terminal = terminal;
        IsJson = json;
    }

    /// <summary>Whether stdout carries only the JSON object.</summary>
    public bool IsJson { get; }

    /// <summary><c>Task     task-…</c>, printed as soon as PoYo accepted the task (nothing with --json).</summary>
    public void WriteTaskId(string taskId)
    {
        if (!IsJson)
        {
            WriteLine("Task", taskId);
        }
    }

    /// <summary>The task's final state: JSON, or its status, progress, credits and file URLs.</summary>
    public void WriteTask(PoyoTask task, bool includeId)
    {
        if (IsJson)
        {
            WriteJson(task);
            return;
        }

        if (includeId)
        {
            WriteLine("Task", task.TaskId ?? string.Empty);
        }

        WriteLine("Status", task.Status.ToString());
        if (task.Progress is { } percent && !task.Status.IsCompleted)
        {
            WriteLine("Progress", $"{percent}%");
        }

        if (task.CreditsAmount is { } credits && credits > 0)
        {
            WriteLine("Credits", credits.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(task.ErrorMessage))
        {
            WriteLine("Error", OneLine(task.ErrorMessage));
        }

        foreach (var file in task.OutputFiles)
        {
            if (file.FileUrl is not null)
            {
                WriteLine("File", file.FileUrl.AbsoluteUri);
            }
        }
    }

    /// <summary>Where a downloaded file was saved: on stdout, or on stderr with --json (stdout is the JSON only).</summary>
    public void WriteSaved(string path)
    {
        var line = Format("Saved", path);
        (IsJson ? _terminal.Error : _terminal.Out).WriteLine(line);
    }

    /// <summary>
    /// The task as one JSON object with PoYo's field names, every field PoYo sent kept; <c>task_id</c>, <c>status</c>
    /// and <c>files</c> are always present. Indented on a terminal, one line when redirected.
    /// </summary>
    public void WriteJson(PoyoTask task)
    {
        var json = JObject.FromObject(task);
        json["task_id"] ??= task.TaskId;
        json["status"] ??= task.RawStatus;
        json["files"] ??= new JArray();
        _terminal.Out.WriteLine(json.ToString(_terminal.IsOutputRedirected ? Formatting.None : Formatting.Indented));
    }

    /// <summary>The account's balance: <c>Credits</c> and <c>Email</c> lines, or its JSON object (<c>credits_amount</c>, <c>email</c>).</summary>
    public void WriteBalance(PoyoBalance balance)
    {
        if (IsJson)
        {
            _terminal.Out.WriteLine(JObject.FromObject(balance).ToString(_terminal.IsOutputRedirected ? Formatting.None : Formatting.Indented));
            return;
        }

        WriteLine("Credits", balance.CreditsAmount.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(balance.Email))
        {
            WriteLine("Email", balance.Email);
        }
    }

    /// <summary>The JSON object of a task known only by its id (e.g. a wait that timed out before any answer).</summary>
    public void WriteJson(string taskId) => WriteJson(new PoyoTask { TaskId = taskId });

    private void WriteLine(string label, string value) => _terminal.Out.WriteLine(Format(label, value));

    private static string Format(string label, string value) => label.PadRight(LabelWidth) + value;

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
