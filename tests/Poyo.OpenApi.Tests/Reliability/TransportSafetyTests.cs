using System.Net;
using System.Text;
using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>No key over clear-text networks, a timeout per attempt, a cap on what a response may put in memory.</summary>
[TestFixture]
public class TransportSafetyTests
{
    [TestCase("http://api.poyo.ai/")]
    [TestCase("http://10.0.0.5:8080/poyo/")]
    [TestCase("http://proxy.internal/")]
    public void An_http_base_url_to_a_network_host_is_refused(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => new PoyoClient(new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri(url) }));

        Assert.That(error!.Message, Does.Contain("http://").And.Contain("AllowInsecureHttp"));
        Assert.That(error.Message, Does.Not.Contain(TestRequests.ApiKey));
    }

    [Test]
    public void An_http_base_address_of_a_passed_in_client_is_refused_too()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://api.poyo.ai/") };

        Assert.Throws<ArgumentException>(() => new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey }));
    }

    [TestCase("http://127.0.0.1:5000/")]
    [TestCase("http://localhost:5000/")]
    [TestCase("http://[::1]:5000/")]
    [TestCase("https://api.poyo.ai/")]
    public void Https_and_loopback_http_are_accepted(string url)
    {
        using var client = new PoyoClient(new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri(url) });

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri(url)));
    }

    [Test]
    public void AllowInsecureHttp_accepts_a_trusted_proxy()
    {
        using var client = new PoyoClient(new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri("http://proxy.internal/poyo"), AllowInsecureHttp = true });

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("http://proxy.internal/poyo/")));
    }

    [Test]
    public void The_defaults_are_a_100_second_timeout_and_a_4_MiB_cap_and_no_insecure_http()
    {
        var options = new PoyoClientOptions();

        Assert.That(options.NetworkTimeout, Is.EqualTo(TimeSpan.FromSeconds(100)));
        Assert.That(options.MaxResponseBytes, Is.EqualTo(4 * 1024 * 1024));
        Assert.That(options.AllowInsecureHttp, Is.False);
        Assert.That(options.Retry.MaxRetries, Is.EqualTo(3));
        Assert.That(options.LoggerFactory, Is.Null);
    }

    [Test]
    public async Task A_body_without_content_length_is_cut_off_at_the_cap()
    {
        var big = "{\"code\":200,\"data\":{\"task_id\":\"t\",\"status\":\"finished\",\"pad\":\"" + new string('x', 5000) + "\"}}";
        using var http = new HttpClient(new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(big))),
        }))
        { BaseAddress = new Uri("https://api.example/") };
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, MaxResponseBytes = 1024 });

        var error = await Expect.PoyoErrorAsync(() => client.GetTaskAsync("t"));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.UnexpectedResponse));
        Assert.That(error.Message, Does.Contain("MaxResponseBytes").And.Contain("1024"));
    }

    [Test]
    public async Task A_body_under_the_cap_reads_normally_without_content_length()
    {
        var body = StubResponses.Task("t", "finished");
        using var http = new HttpClient(new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body))),
        }))
        { BaseAddress = new Uri("https://api.example/") };
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, MaxResponseBytes = body.Length });

        var task = await client.GetTaskAsync("t");

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
    }

    [Test]
    public async Task A_per_attempt_timeout_of_a_passed_in_client_applies()
    {
        using var server = LoopbackWireMock.Start();
        server.Given(WireMock.RequestBuilders.Request.Create().UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(StubResponses.Task("t", "finished")).WithDelay(TimeSpan.FromSeconds(1)));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url!), Timeout = TimeSpan.FromMilliseconds(150) };
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, Retry = TestRequests.NoRetries() });

        var error = await Expect.PoyoErrorAsync(() => client.GetTaskAsync("t"));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Timeout));
    }

    /// <summary>A stream that cannot tell its length, so the response has no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
