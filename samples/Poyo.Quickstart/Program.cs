// One kling-3.0-motion-control task end to end: submit, wait with progress, save the video (its URL expires).
// With POYO_API_KEY set it runs against PoYo (paid); without it, against the built-in local sandbox.
using Poyo.OpenApi;
using Poyo.OpenApi.Testing;

var apiKey = Environment.GetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable);
using var sandbox = string.IsNullOrWhiteSpace(apiKey) ? PoyoSandbox.Start() : null;

var options = new PoyoClientOptions();
if (sandbox is not null)
{
    Console.Error.WriteLine($"No POYO_API_KEY set: running against the built-in local sandbox at {sandbox.Url} (nothing is sent to PoYo).");
    options.ApiKey = sandbox.ApiKey;
    options.BaseUrl = sandbox.Url;
    options.Waiting = new PoyoWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(200), MaxPollInterval = TimeSpan.FromSeconds(1) };
}

using var client = new PoyoClient(options);
var input = new KlingMotionControlInput(
    new Uri("https://storage.poyo.ai/kling-3.0-motion-control/reference-image-new.png"),
    new Uri("https://storage.poyo.ai/kling-3.0-motion-control/reference-video-new.mp4"),
    CharacterOrientation.Image);

try
{
    var operation = await client.SubmitMotionControlAsync(WaitUntil.Started, input);
    Console.WriteLine($"submitted: {operation.Id}");
    var task = await operation.WaitForCompletionAsync(new SynchronousProgress(update => Console.WriteLine($"  {update}")));
    foreach (var file in task.OutputFiles)
    {
        Console.WriteLine($"{file.FileType}: {file.FileUrl}");
    }

    // Output URLs expire after 24 hours to 3 days: keep the files (downloads never send the API key).
    foreach (var path in await client.DownloadFilesAsync(task, "poyo-output"))
    {
        Console.WriteLine($"saved: {path}");
    }

    return 0;
}
catch (PoyoException error)
{
    Console.Error.WriteLine($"error ({error.Category}): {error.Message}");
    return 1;
}

/// <summary>Prints progress on the waiting thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<PoyoTaskProgress> report) : IProgress<PoyoTaskProgress>
{
    public void Report(PoyoTaskProgress value) => report(value);
}
