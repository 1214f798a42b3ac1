using System.CommandLine;
using Poyo.Cli.Inputs;
using Poyo.Cli.Output;
using Poyo.Cli.Waiting;
using Poyo.OpenApi;

namespace Poyo.Cli.Commands;

/// <summary>
/// <c>poyo motion-control</c>: validate locally, submit a kling-3.0-motion-control task, wait for it with progress,
/// print (and optionally download) its output files.
/// </summary>
internal sealed class MotionControlCommand
{
    private readonly Option<string> _image = new("--image") { Description = "Reference image: an http(s) URL or a local file (.jpg, .jpeg, .png; at most 10 MB).", HelpName = "URL|PATH", Required = true };
    private readonly Option<string> _video = new("--video") { Description = "Reference video: an http(s) URL or a local file (.mp4, .mov; 3 to 30 s; at most 100 MB).", HelpName = "URL|PATH", Required = true };
    private readonly Option<string> _orientation = new("--orientation") { Description = "Whose orientation the output follows.", Required = true };
    private readonly Option<string?> _prompt = new("--prompt") { Description = "Optional text prompt (at most 2500 characters).", HelpName = "TEXT" };
    private readonly Option<string?> _resolution = new("--resolution") { Description = "Output resolution (PoYo's default: 720p)." };
    private readonly Option<string?> _callbackUrl = new("--callback-url") { Description = "Public https URL PoYo POSTs to when the task ends.", HelpName = "URL" };
    private readonly Option<bool> _noWait = new("--no-wait") { Description = "Print the task id and exit 0 without waiting (resume with: poyo wait ID)." };
    private readonly Option<string?> _output = new("--output") { Description = "Download the output files into this directory.", HelpName = "DIR" };
    private readonly Option<bool> _json = OutputOptions.Json();
    private readonly WaitingOptions _waiting = new();

    private MotionControlCommand()
    {
        _orientation.AcceptOnlyFromAmong("image", "video");
        _resolution.AcceptOnlyFromAmong("720p", "1080p");
    }

    public static Command Create()
    {
        var definition = new MotionControlCommand();
        var command = new Command("motion-control", "Submit a kling-3.0-motion-control task (a character from an image, moving like a video), wait, print the output URL.");
        command.Options.Add(definition._image);
        command.Options.Add(definition._video);
        command.Options.Add(definition._orientation);
        command.Options.Add(definition._prompt);
        command.Options.Add(definition._resolution);
        command.Options.Add(definition._callbackUrl);
        command.Options.Add(definition._noWait);
        definition._waiting.AddTo(command);
        command.Options.Add(definition._output);
        command.Options.Add(definition._json);
        command.SetAction((parseResult, cancellationToken) =>
            CommandSession.RunAsync(parseResult, parseResult.GetValue(definition._json), cancellationToken, session => definition.RunAsync(parseResult, session, cancellationToken)));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CommandSession session, CancellationToken cancellationToken)
    {
        // Everything that can be checked locally is checked before the connection (and any upload or submit).
        var outputDirectory = OutputDirectory.Validate(parseResult.GetValue(_output));
        var callbackUrl = ParseCallbackUrl(parseResult.GetValue(_callbackUrl));
        var orientation = parseResult.GetValue(_orientation) == "video" ? CharacterOrientation.Video : CharacterOrientation.Image;
        Resolution? resolution = parseResult.GetValue(_resolution) switch
        {
            "720p" => Resolution.Hd720,
            "1080p" => Resolution.Hd1080,
            _ => null,
        };

        // Local files get stand-in URLs first, so the whole request is checked before any upload or submit.
        var imageInput = InputResolver.Classify(parseResult.GetRequiredValue(_image), "--image");
        var videoInput = InputResolver.Classify(parseResult.GetRequiredValue(_video), "--video");
        var input = new KlingMotionControlInput(imageInput.Url, videoInput.Url, orientation)
        {
            Prompt = parseResult.GetValue(_prompt),
            Resolution = resolution,
        };
        ThrowIfInvalid(new SubmitTaskRequest(input) { CallbackUrl = callbackUrl });

        var connection = session.Connect(_waiting.Read(parseResult));
        var inputs = new InputResolver(connection.Client);
        input.ImageUrls = [await inputs.UploadIfLocalAsync(imageInput, PreflightInputKind.Image, cancellationToken).ConfigureAwait(false)];
        input.VideoUrls = [await inputs.UploadIfLocalAsync(videoInput, PreflightInputKind.Video, cancellationToken).ConfigureAwait(false)];

        session.SubmitInFlight = true;
        var operation = await connection.Client
            .SubmitMotionControlAsync(WaitUntil.Started, input, callbackUrl, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        session.SubmitInFlight = false;
        session.TaskId = operation.Id;

        if (parseResult.GetValue(_noWait))
        {
            if (session.Output.IsJson)
            {
                session.Output.WriteJson(operation.LastTask ?? new PoyoTask { TaskId = operation.Id });
            }
            else
            {
                // The bare id, so that scripts can write: id=$(poyo motion-control ... --no-wait)
                await session.Terminal.Out.WriteLineAsync(operation.Id).ConfigureAwait(false);
            }

            await session.Terminal.Error.WriteLineAsync($"Submitted. Follow it with: poyo wait {operation.Id}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        session.Output.WriteTaskId(operation.Id);
        var task = await WaitDisplay.WaitAsync(operation, session.Terminal, cancellationToken).ConfigureAwait(false);
        session.Output.WriteTask(task, includeId: false);
        await SaveAsync(connection.Client, task, outputDirectory, session, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Downloads the files when <c>--output</c> was given, and says where each went.</summary>
    internal static async Task SaveAsync(PoyoClient client, PoyoTask task, string? outputDirectory, CommandSession session, CancellationToken cancellationToken)
    {
        if (outputDirectory is null)
        {
            return;
        }

        foreach (var path in await client.DownloadFilesAsync(task, outputDirectory, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            session.Output.WriteSaved(path);
        }
    }

    /// <summary>The library's own rules, run on the request with stand-in URLs for local files: nothing is sent yet.</summary>
    private static void ThrowIfInvalid(SubmitTaskRequest request)
    {
        var result = SubmitTaskRequestValidator.Instance.Validate(request);
        if (!result.IsValid)
        {
            throw PoyoValidationException.FromResult(result);
        }
    }

    private static Uri? ParseCallbackUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && !url.IsFile
            ? url
            : throw CliException.InvalidInput($"--callback-url: '{value}' is not an absolute URL.");
    }
}
