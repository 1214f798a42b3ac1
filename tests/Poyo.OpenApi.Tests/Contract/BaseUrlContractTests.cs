using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Contract;

/// <summary>The caller's base URL always wins over the spec's server, path prefixes included, with or without '/'.</summary>
public sealed class BaseUrlContractTests
{
    private WireMockServer _server = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _server
            .Given(Request.Create().WithPath(new WildcardMatcher("*/api/generate/status/t1")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(StubResponses.Task("t1", "running")));
    }

    [TearDown]
    public void Stop() => _server.Dispose();

    private static IEnumerable<string> Prefixes() => ["/poyo", "/poyo/", "/a/b", "/a/b/"];

    [TestCaseSource(nameof(Prefixes))]
    public async Task A_path_prefix_in_the_options_is_kept(string prefix)
    {
        using var client = TestRequests.ClientFor(_server.Url + prefix);

        var task = await client.GetTaskAsync("t1");

        Assert.That(task.TaskId, Is.EqualTo("t1"));
        Assert.That(_server.Requests().Single().AbsolutePath, Is.EqualTo(prefix.TrimEnd('/') + "/api/generate/status/t1"));
    }

    [TestCaseSource(nameof(Prefixes))]
    public async Task A_path_prefix_in_the_http_client_base_address_is_kept(string prefix)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_server.Url + prefix) };
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey });

        var task = await client.GetTaskAsync("t1");

        Assert.That(task.TaskId, Is.EqualTo("t1"));
        Assert.That(_server.Requests().Single().AbsolutePath, Is.EqualTo(prefix.TrimEnd('/') + "/api/generate/status/t1"));
    }

    [Test]
    public async Task Options_win_over_the_http_client_base_address()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/elsewhere/") };
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri(_server.Url!) });

        var task = await client.GetTaskAsync("t1");

        Assert.That(task.TaskId, Is.EqualTo("t1"));
    }

    [Test]
    public void Without_any_base_url_the_default_is_production()
    {
        using var client = new PoyoClient(new PoyoClientOptions { ApiKey = TestRequests.ApiKey });

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://api.poyo.ai/")));
    }

    [Test]
    public async Task A_passed_in_http_client_is_not_disposed()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_server.Url!) };
        var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey });
        client.Dispose();

        using var response = await http.GetAsync(new Uri("/api/generate/status/t1", UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    [TestCase("ftp://example.com/")]
    public void A_non_http_base_url_is_refused(string url) =>
        Assert.That(() => new PoyoClient(new PoyoClientOptions { ApiKey = "k", BaseUrl = new Uri(url) }), Throws.ArgumentException);

    [Test]
    public void The_client_and_its_options_never_show_the_key()
    {
        var options = new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri(_server.Url!) };
        using var client = new PoyoClient(options);

        Assert.That(options.ToString(), Does.Not.Contain(TestRequests.ApiKey));
        Assert.That(client.ToString(), Does.Not.Contain(TestRequests.ApiKey));
    }
}
