using System.Globalization;
using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>
/// Property: whatever PoYo answers (any status code, JSON of any shape, non-JSON text, random bytes, any
/// Retry-After), submit and status give a result or a <see cref="PoyoException"/>, nothing else. Responses come
/// from an in-memory handler; retries run on a fake clock.
/// </summary>
[TestFixture]
public class FuzzTests
{
    public const int InputsPerProperty = 500;

    private static readonly string[] Keys =
        ["code", "data", "error", "task_id", "status", "message", "type", "files", "progress", "created_time", "file_url", "", "ü"];

    [Test]
    public void Any_answer_to_a_status_read_is_a_task_or_a_PoyoException() => Run(Endpoint.Status);

    [Test]
    public void Any_answer_to_a_submit_is_a_submitted_task_or_a_PoyoException() => Run(Endpoint.Submit);

    private static void Run(Endpoint endpoint)
    {
        var tried = 0;
        var outcomes = new Dictionary<string, int>();
        var property = Prop.ForAll(Answers().ToArbitrary(), answer =>
        {
            Interlocked.Increment(ref tried);
            var outcome = Call(endpoint, answer);
            lock (outcomes)
            {
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }

            return outcome != "escaped";
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(InputsPerProperty), property);

        TestContext.Out.WriteLine($"{endpoint}: {tried} inputs; " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")));
        Assert.That(tried, Is.GreaterThanOrEqualTo(InputsPerProperty));
        Assert.That(outcomes.Keys, Does.Not.Contain("escaped"));
        Assert.That(outcomes.Keys.Count(key => key != "result"), Is.GreaterThan(3), "the generator reaches several failure categories");
        Assert.That(outcomes.GetValueOrDefault("result"), Is.GreaterThan(0), "and valid answers too");
    }

    /// <summary>"result", the category of the <see cref="PoyoException"/>, or "escaped" for anything else.</summary>
    private static string Call(Endpoint endpoint, Answer answer)
    {
        var handler = new ScriptedHandler((_, _) => answer.ToResponse());
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.example/") };
        using var client = new PoyoClient(http, new PoyoClientOptions
        {
            ApiKey = TestRequests.ApiKey,
            TimeProvider = new AutoAdvancingTime(),
            MaxResponseBytes = 16 * 1024,
        });
        try
        {
            if (endpoint == Endpoint.Submit)
            {
                var submitted = client.SubmitTaskAsync(TestRequests.MinimalRequest()).WaitAsync(TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
                return string.IsNullOrWhiteSpace(submitted.TaskId) ? "escaped" : "result";
            }

            var task = client.GetTaskAsync("task-fuzz").WaitAsync(TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
            return string.IsNullOrWhiteSpace(task.RawStatus) || string.IsNullOrWhiteSpace(task.TaskId) ? "escaped" : "result";
        }
        catch (PoyoException error)
        {
            return error.Category.ToString();
        }
        catch (Exception other)
        {
            TestContext.Out.WriteLine($"escaped for {answer}: {other}");
            return "escaped";
        }
    }

    private static Gen<Answer> Answers() => Gen.OneOf(AnyAnswer(), NearlyValidAnswer());

    /// <summary>HTTP 200, code 200, a task id: only the task's other fields are arbitrary, so results happen too.</summary>
    private static Gen<Answer> NearlyValidAnswer() =>
        from status in Gen.OneOf(Gen.Elements("\"finished\"", "\"running\"", "\"not_started\"", "\"failed\"", "\"teleporting\""), JsonValue(1))
        from progress in Gen.OneOf(Gen.Choose(-5, 105).Select(n => n.ToString(CultureInfo.InvariantCulture)), Gen.Constant("null"), JsonValue(2))
        from created in Gen.OneOf(Gen.Elements("\"2025-11-12T10:30:00\"", "\"2025-11-12T10:30:00+08:00\"", "\"yesterday\"", "\"9999-99-99\"", "\"\""), JsonValue(1))
        from files in Gen.OneOf(Gen.Elements("[]", "null", "[{\"file_url\":\"https://cdn.example/v.mp4\",\"file_type\":\"video\"}]"), JsonValue(3))
        from error in Gen.OneOf(Gen.Constant("null"), JsonValue(2))
        select new Answer(
            200,
            Encoding.UTF8.GetBytes($$$"""{"code":200,"data":{"task_id":"task-1","status":{{{status}}},"progress":{{{progress}}},"created_time":{{{created}}},"files":{{{files}}},"error_message":{{{error}}}}}"""),
            "application/json",
            null);

    private static Gen<Answer> AnyAnswer() =>
        from status in Gen.OneOf(Gen.Choose(100, 599), Gen.Elements(200, 200, 400, 401, 402, 404, 429, 500, 502, 503), Gen.Choose(0, 999))
        from body in Bodies()
        from contentType in Gen.Elements<string?>("application/json", "text/html", "text/plain", null)
        from retryAfter in Gen.OneOf(
            Gen.Constant<string?>(null),
            Gen.Choose(0, 40).Select(s => (string?)s.ToString(CultureInfo.InvariantCulture)),
            Gen.Elements<string?>("soon", "-1", "Thu, 01 Jan 2026 00:00:10 GMT", "99999999999999999999"))
        select new Answer(status, body, contentType, retryAfter);

    private static Gen<byte[]> Bodies() =>
        Gen.OneOf(
            Envelope().Select(Encoding.UTF8.GetBytes),
            JsonValue(3).Select(Encoding.UTF8.GetBytes),
            ArbMap.Default.GeneratorFor<string>().Select(text => Encoding.UTF8.GetBytes(text ?? string.Empty)),
            ArbMap.Default.GeneratorFor<byte[]>().Select(bytes => bytes ?? []),
            Gen.Elements("<html><h1>502 Bad Gateway</h1></html>", "", "null", "{", "{\"code\":200,\"data\":{\"task_id\":\"t", "[]").Select(Encoding.UTF8.GetBytes));

    /// <summary>The documented envelope with fields of arbitrary JSON: the shapes most likely to get past parsing.</summary>
    private static Gen<string> Envelope() =>
        from code in Gen.OneOf(Gen.Elements("200", "400", "402", "429", "500", "\"200\"", "null", "2147483648", "1e400", "-1"), JsonValue(1))
        from data in Gen.OneOf(TaskObject(), JsonValue(2))
        from error in JsonValue(2)
        select $$"""{"code":{{code}},"data":{{data}},"error":{{error}}}""";

    private static Gen<string> TaskObject() =>
        from taskId in Gen.OneOf(Gen.Elements("\"task-1\"", "\"\"", "null", "42", "\"   \""), JsonValue(1))
        from status in Gen.OneOf(Gen.Elements("\"finished\"", "\"running\"", "\"failed\"", "\"teleporting\"", "\"\"", "null", "7"), JsonValue(1))
        from extra in JsonValue(2)
        select $$"""{"task_id":{{taskId}},"status":{{status}},"progress":{{extra}},"created_time":{{extra}},"files":{{extra}}}""";

    private static Gen<string> JsonValue(int depth)
    {
        var scalars = Gen.OneOf(
            Gen.Elements("null", "true", "false", "0", "-0", "1.5e308", "-9223372036854775809", "\"\"", "\"2025-11-12T10:30:00\"", "\"\\u0000\""),
            ArbMap.Default.GeneratorFor<int>().Select(n => n.ToString(CultureInfo.InvariantCulture)),
            ArbMap.Default.GeneratorFor<string>().Select(text => Newtonsoft.Json.JsonConvert.ToString(text ?? string.Empty)));
        if (depth == 0)
        {
            return scalars;
        }

        var inner = JsonValue(depth - 1);
        var array = Gen.ListOf(inner).Select(items => "[" + string.Join(",", items.Take(5)) + "]");
        var obj = Gen.ListOf(Gen.Elements(Keys).Zip(inner)).Select(pairs =>
            "{" + string.Join(",", pairs.Take(6).Select(p => Newtonsoft.Json.JsonConvert.ToString(p.Item1) + ":" + p.Item2)) + "}");
        return Gen.OneOf(scalars, array, obj);
    }

    internal sealed record Answer(int Status, byte[] Body, string? ContentType, string? RetryAfter)
    {
        public HttpResponseMessage ToResponse()
        {
            var content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            var response = new HttpResponseMessage((HttpStatusCode)Status) { Content = content };
            if (RetryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", RetryAfter);
            }

            return response;
        }

        public override string ToString() =>
            $"HTTP {Status}, {ContentType ?? "no type"}, Retry-After {RetryAfter ?? "none"}, body {Preview(Encoding.UTF8.GetString(Body))}";

        private static string Preview(string text) => text.Length <= 200 ? text : text[..200];
    }
}
