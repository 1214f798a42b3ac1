using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>Balance is a read and is retried; an upload is a write and is sent once, like a submit.</summary>
public class RequestKindRetryTests
{
    private WireMockServer _server = null!;
    private SteppingTime _time = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _time = new SteppingTime();
    }

    [TearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task A_balance_read_answered_503_is_retried_after_the_base_delay()
    {
        _server.Given(Request.Create().WithPath("/api/user/balance").UsingGet()).InScenario("balance").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("busy"));
        _server.Given(Request.Create().WithPath("/api/user/balance").UsingGet()).InScenario("balance").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"code\":200,\"data\":{\"credits_amount\":12.5,\"email\":\"a@example.com\"}}"));
        using var client = Client();

        var read = client.GetBalanceAsync();
        var wait = await _time.CompleteNextWaitAsync();
        var balance = await read;

        Assert.That(wait, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(balance.CreditsAmount, Is.EqualTo(12.5));
        Assert.That(_server.Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_upload_answered_503_is_not_retried()
    {
        _server.Given(Request.Create().WithPath("/api/common/upload/url").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("busy"));
        using var client = Client();

        var error = await Expect.PoyoErrorAsync(() => client.UploadFromUrlAsync(new Uri(TestRequests.ImageUrl)));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Server));
        Assert.That(_server.Requests(), Has.Count.EqualTo(1));
    }

    private PoyoClient Client() => new(new PoyoClientOptions
    {
        ApiKey = TestRequests.ApiKey,
        BaseUrl = new Uri(_server.Url!),
        TimeProvider = _time,
        Retry = new PoyoRetryOptions { UseJitter = false },
    });
}
