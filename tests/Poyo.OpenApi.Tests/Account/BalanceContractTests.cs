using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Account;

/// <summary>GET /api/user/balance on the wire: the request, the documented body, and every way it can fail.</summary>
public sealed class BalanceContractTests
{
    private const string BalancePath = "/api/user/balance";
    private WireMockServer _server = null!;
    private PoyoClient _client = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _client = TestRequests.ClientFor(_server.Url!);
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
    }

    private void Stub(int status, string body) =>
        _server.Given(Request.Create().WithPath(BalancePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    [Test]
    public async Task The_documented_balance_is_read_with_a_bearer_get()
    {
        Stub(200, """{"code":200,"data":{"credits_amount":1250,"email":"user@example.com","plan":"pro"}}""");

        var balance = await _client.GetBalanceAsync();

        Assert.That(balance.CreditsAmount, Is.EqualTo(1250));
        Assert.That(balance.Email, Is.EqualTo("user@example.com"));
        Assert.That(balance.AdditionalProperties.ContainsKey("plan"), Is.True, "unknown fields are kept");
        Assert.That(balance.ToString(), Does.Not.Contain("user@example.com"), "ToString leaves the e-mail out of logs");
        var request = _server.Requests().Single();
        Assert.That((request.Method, request.Path), Is.EqualTo(("GET", BalancePath)));
        Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + TestRequests.ApiKey));
    }

    [Test]
    public async Task A_fractional_balance_and_a_missing_email_are_accepted()
    {
        Stub(200, """{"code":200,"data":{"credits_amount":12.5}}""");

        var balance = await _client.GetBalanceAsync();

        Assert.That(balance.CreditsAmount, Is.EqualTo(12.5));
        Assert.That(balance.Email, Is.Null);
    }

    [Test]
    public async Task A_failure_code_inside_http_200_is_an_error()
    {
        Stub(200, """{"code":401,"error":{"message":"Invalid API key","type":"authentication_error"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.GetBalanceAsync());

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Authentication));
        Assert.That(error.ErrorCode, Is.EqualTo(401));
        Assert.That(error.Message, Does.Contain("Invalid API key"));
    }

    [Test]
    public async Task Missing_data_is_an_unexpected_response()
    {
        Stub(200, """{"code":200}""");

        var error = await Expect.PoyoErrorAsync(() => _client.GetBalanceAsync());

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.UnexpectedResponse));
        Assert.That(error.Message, Does.Contain("data"));
    }

    [Test]
    public async Task Data_without_credits_amount_is_an_unexpected_response()
    {
        Stub(200, """{"code":200,"data":{"email":"user@example.com"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.GetBalanceAsync());

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.UnexpectedResponse));
        Assert.That(error.StatusCode, Is.EqualTo(200));
    }

    [TestCase(401, PoyoErrorCategory.Authentication)]
    [TestCase(403, PoyoErrorCategory.PermissionDenied)]
    [TestCase(429, PoyoErrorCategory.RateLimited)]
    [TestCase(500, PoyoErrorCategory.Server)]
    [TestCase(503, PoyoErrorCategory.Server)]
    public async Task Http_errors_map_to_their_category(int status, PoyoErrorCategory category)
    {
        Stub(status, "{\"code\":" + status + ",\"error\":{\"message\":\"nope\"}}");

        var error = await Expect.PoyoErrorAsync(() => _client.GetBalanceAsync());

        Assert.That(error.Category, Is.EqualTo(category));
        Assert.That(error.StatusCode, Is.EqualTo(status));
        Assert.That(error.IsOutcomeUnknown, Is.False, "a read has no unknown outcome");
    }

    [Test]
    public async Task No_api_key_fails_before_sending()
    {
        using var client = TestRequests.ClientFor(_server.Url!, apiKey: null);
        var previous = Environment.GetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable);
        if (!string.IsNullOrEmpty(previous))
        {
            Assert.Ignore("POYO_API_KEY is set in this environment.");
        }

        var error = await Expect.PoyoErrorAsync(() => client.GetBalanceAsync());

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Authentication));
        Assert.That(_server.LogEntries, Is.Empty);
    }
}
