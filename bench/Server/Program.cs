using System.Collections.Concurrent;
using System.Text;
using Poyo.Bench;

// Usage: Poyo.Bench.Server [--finish-after-polls N]
// Kestrel on 127.0.0.1, a free port; prints "listening: <url>" once it accepts connections; stops when stdin closes.
var finishAfterPolls = args.Length >= 2 && args[0] == "--finish-after-polls" ? int.Parse(args[1]) : 3;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
var app = builder.Build();

var submitted = Encoding.UTF8.GetBytes(CannedBodies.Submitted);
var finished = Encoding.UTF8.GetBytes(CannedBodies.Finished);
var polls = new ConcurrentDictionary<string, int>();

// Canned: the docs' own submit response; the request body is drained by Kestrel, never parsed.
app.MapPost("/api/generate/submit", (HttpContext context) => Write(context, submitted));

// Canned: the docs' own finished task, except for ids starting with "life-", which live through a lifecycle:
// running until their N-th status request, finished from then on (the 10,000-waits scenario).
app.MapGet("/api/generate/status/{taskId}", (HttpContext context, string taskId) =>
{
    if (!taskId.StartsWith("life-", StringComparison.Ordinal))
    {
        return Write(context, finished);
    }

    var seen = polls.AddOrUpdate(taskId, 1, static (_, count) => count + 1);
    return Write(context, Encoding.UTF8.GetBytes(seen >= finishAfterPolls ? CannedBodies.FinishedTask(taskId) : CannedBodies.RunningTask(taskId, seen)));
});

app.MapGet("/stats", () => Results.Text($"lifecycle-tasks: {polls.Count}, lifecycle-polls: {polls.Values.Sum()}"));

await app.StartAsync();
Console.WriteLine($"listening: {app.Urls.First()}");
Console.Out.Flush();

// The bench closes stdin (or dies) when it is done; either ends this process.
await Task.Run(() => Console.In.ReadToEnd());
await app.StopAsync();

static Task Write(HttpContext context, byte[] body)
{
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body, 0, body.Length);
}
