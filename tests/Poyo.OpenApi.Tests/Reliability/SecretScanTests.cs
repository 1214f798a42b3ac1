using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.ResponseBuilders;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>
/// The fault matrix again, with every log level on, a System.Diagnostics.Trace listener and .NET's HTTP
/// diagnostics recorded, plus servers that echo the
/// key back: the API key and the webhook secret appear nowhere in what the run produced.
/// </summary>
[TestFixture]
public class SecretScanTests
{
    private const string ApiKey = "sk-live-SECRET-SCAN-7f3a9c2e";
    private const string WebhookSecret = "whsec_SECRET-SCAN-41d2";

    /// <summary>Servers that put the key in what they answer (a proxy echoing the Authorization header, a debug page).</summary>
    private static readonly FaultCase[] EchoCases =
    [
        new("401 whose message echoes the key", "Authentication", 1, "Authentication", 1)
        {
            Responses = (_, _) => [Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json")
                .WithBody("{\"code\":401,\"error\":{\"type\":\"authentication_error\",\"message\":\"Invalid key Bearer " + ApiKey + "\"}}")],
        },
        new("HTML 502 echoing the key", "Server, outcome unknown", 1, "Server", 4)
        {
            Responses = (_, _) => [Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html")
                .WithBody("<html><pre>Authorization: Bearer " + ApiKey + "</pre></html>")],
        },
        new("200 non-JSON body echoing the key", "UnexpectedResponse, outcome unknown", 1, "UnexpectedResponse", 1)
        {
            Responses = (_, _) => [Response.Create().WithStatusCode(200).WithBody("debug: key=" + ApiKey)],
        },
        new("200 with error code whose message echoes the key", "InvalidRequest", 1, "InvalidRequest", 1)
        {
            Responses = (_, _) => [Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"code\":400,\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad key " + ApiKey + "\"}}")],
        },
    ];

    [Test]
    public async Task Nothing_the_fault_matrix_produces_contains_the_key_or_the_webhook_secret()
    {
        var texts = new List<string>();
        var collector = new FakeLogCollector();
        using var diagnostics = new HttpDiagnosticsCapture();
        using var traceText = new StringWriter();
        using var traceListener = new System.Diagnostics.TextWriterTraceListener(traceText);
        System.Diagnostics.Trace.Listeners.Add(traceListener);
        using (var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector))))
        {
            foreach (var fault in FaultCases.All.Concat(EchoCases))
            {
                foreach (var endpoint in new[] { Endpoint.Submit, Endpoint.Status })
                {
                    var run = await FaultMatrixRunner.RunAsync(fault, endpoint, options =>
                    {
                        options.ApiKey = ApiKey;
                        options.LoggerFactory = loggerFactory;
                    });
                    FaultMatrixTests.AssertOutcome(run, endpoint == Endpoint.Submit ? fault.SubmitOutcome : fault.StatusOutcome);
                    texts.Add(run.Error?.ToString() ?? string.Empty);
                    texts.Add(run.Error?.Message ?? string.Empty);
                    texts.Add(run.Result?.ToString() ?? string.Empty);
                }
            }
        }

        var options = new PoyoClientOptions { ApiKey = ApiKey, AllowInsecureHttp = true, BaseUrl = new Uri("http://proxy.internal/") };
        using (var client = new PoyoClient(options))
        {
            texts.Add(client.ToString());
            texts.Add(client.Options.ToString());
            texts.Add(options.Retry.ToString());
            texts.Add(TestRequests.MinimalRequest().ToString()!);
        }

        var verifier = new PoyoWebhookVerifier(WebhookSecret);
        texts.Add(verifier.ToString());
        texts.Add(Assert.Throws<PoyoWebhookException>(() => verifier.Verify("forged", "1767225600", "{}"))!.ToString());

        System.Diagnostics.Trace.Listeners.Remove(traceListener);
        traceListener.Flush();
        texts.Add(traceText.ToString());
        var logs = collector.GetSnapshot();
        texts.AddRange(logs.Select(record => $"{record.Level} {record.Category} {record.Message} {record.Exception} " +
            string.Join(", ", record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? [])));
        var http = diagnostics.Texts;
        texts.AddRange(http);

        TestContext.Out.WriteLine($"scanned {texts.Count} texts: {logs.Count} log records, {http.Count} HTTP diagnostic records");
        Assert.That(logs.Select(record => record.Level), Does.Contain(LogLevel.Debug).And.Contain(LogLevel.Warning), "logging was on");
        Assert.That(logs.Any(record => record.Message.StartsWith("Retrying", StringComparison.Ordinal)), Is.True);
        Assert.That(http.Count(text => text.StartsWith("event", StringComparison.Ordinal)), Is.GreaterThan(0), "HTTP event sources were captured");
        Assert.That(http.Count(text => text.StartsWith("activity", StringComparison.Ordinal)), Is.GreaterThan(0), "HTTP activities were captured");
        Assert.That(texts.Where(text => text.Contains(ApiKey, StringComparison.Ordinal)).Take(3), Is.Empty, "the API key leaked");
        Assert.That(texts.Where(text => text.Contains(WebhookSecret, StringComparison.Ordinal)).Take(3), Is.Empty, "the webhook secret leaked");
    }
}
