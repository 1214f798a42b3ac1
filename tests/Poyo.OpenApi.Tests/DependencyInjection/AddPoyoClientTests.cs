using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Poyo.OpenApi.Testing;
using Poyo.OpenApi.Tests.Sandbox;
using Poyo.OpenApi.Tests.Support;

namespace Poyo.OpenApi.Tests.DependencyInjection;

/// <summary><c>services.AddPoyoClient()</c> in a real <see cref="ServiceCollection"/>: options sources, typed client, logging.</summary>
[NonParallelizable] // Some cases set POYO_BASE_URL / POYO_API_KEY for the process.
public class AddPoyoClientTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();

    private static ServiceProvider Provider(IConfiguration? configuration, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        if (configuration is not null)
        {
            services.AddSingleton(configuration);
        }

        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static SubmitTaskRequest Request() =>
        new(new KlingMotionControlInput(new Uri(SandboxHttp.ImageUrl), new Uri(SandboxHttp.VideoUrl), CharacterOrientation.Image));

    [TearDown]
    public void ClearEnvironment()
    {
        Environment.SetEnvironmentVariable(PoyoClientOptions.BaseUrlEnvironmentVariable, null);
        Environment.SetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable, null);
    }

    [Test]
    public void Options_bind_from_the_Poyo_section()
    {
        var configuration = Configuration(
            ("Poyo:ApiKey", "key-from-config"),
            ("Poyo:BaseUrl", "https://proxy.example/poyo"),
            ("Poyo:NetworkTimeout", "00:00:42"),
            ("Poyo:ValidateRequests", "false"),
            ("Poyo:Waiting:InitialDelay", "00:00:03"),
            ("Poyo:Waiting:MaxPollInterval", "00:00:20"),
            ("Poyo:Waiting:Timeout", "00:10:00"));
        using var provider = Provider(configuration, services => services.AddPoyoClient());

        var options = provider.GetRequiredService<IOptions<PoyoClientOptions>>().Value;
        var client = provider.GetRequiredService<PoyoClient>();

        Assert.That(options.ApiKey, Is.EqualTo("key-from-config"));
        Assert.That(options.NetworkTimeout, Is.EqualTo(TimeSpan.FromSeconds(42)));
        Assert.That(options.ValidateRequests, Is.False);
        Assert.That(options.Waiting.InitialDelay, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(options.Waiting.MaxPollInterval, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(options.Waiting.Timeout, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://proxy.example/poyo/")));
        Assert.That(client.Options, Is.SameAs(options));
    }

    [Test]
    public void A_named_section_path_is_read_instead_of_Poyo()
    {
        var configuration = Configuration(("Services:Video:BaseUrl", "https://video.example/"), ("Poyo:BaseUrl", "https://ignored.example/"));
        using var provider = Provider(configuration, services => services.AddPoyoClient("Services:Video"));

        Assert.That(provider.GetRequiredService<PoyoClient>().BaseUrl, Is.EqualTo(new Uri("https://video.example/")));
    }

    [Test]
    public void Code_configuration_wins_over_the_section()
    {
        var configuration = Configuration(("Poyo:BaseUrl", "https://from-config.example/"), ("Poyo:ApiKey", "config-key"));
        using var provider = Provider(configuration, services => services.AddPoyoClient(options => options.BaseUrl = new Uri("https://from-code.example/")));

        var client = provider.GetRequiredService<PoyoClient>();

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://from-code.example/")));
        Assert.That(client.Options.ApiKey, Is.EqualTo("config-key"));
    }

    [Test]
    public void POYO_BASE_URL_fills_an_unset_base_url_only()
    {
        Environment.SetEnvironmentVariable(PoyoClientOptions.BaseUrlEnvironmentVariable, "https://from-env.example/api");
        using var unset = Provider(null, services => services.AddPoyoClient());
        using var configured = Provider(Configuration(("Poyo:BaseUrl", "https://from-config.example/")), services => services.AddPoyoClient());

        Assert.That(unset.GetRequiredService<PoyoClient>().BaseUrl, Is.EqualTo(new Uri("https://from-env.example/api/")));
        Assert.That(configured.GetRequiredService<PoyoClient>().BaseUrl, Is.EqualTo(new Uri("https://from-config.example/")));
    }

    [Test]
    public void Without_configuration_or_environment_the_defaults_apply()
    {
        using var provider = Provider(null, services => services.AddPoyoClient());

        var client = provider.GetRequiredService<PoyoClient>();

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://api.poyo.ai/")));
        Assert.That(client.Options.NetworkTimeout, Is.EqualTo(new PoyoClientOptions().NetworkTimeout));
    }

    [Test]
    public void The_typed_client_gets_the_network_timeout_and_the_container_clock()
    {
        var clock = new FakeTimeProvider();
        using var provider = Provider(Configuration(("Poyo:NetworkTimeout", "00:00:07")), services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddPoyoClient();
        });

        var client = provider.GetRequiredService<PoyoClient>();
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PoyoClient));

        Assert.That(client.Options.TimeProvider, Is.SameAs(clock));
        Assert.That(httpClient.Timeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task The_typed_client_sends_through_the_factory_pipeline_to_the_sandbox()
    {
        using var sandbox = PoyoSandbox.Start();
        var seen = new List<string>();
        var configuration = Configuration(("Poyo:BaseUrl", sandbox.Url.AbsoluteUri), ("Poyo:ApiKey", sandbox.ApiKey));
        using var provider = Provider(configuration, services => services
            .AddPoyoClient()
            .AddHttpMessageHandler(() => new RecordingHandler(seen)));

        var client = provider.GetRequiredService<PoyoClient>();
        var submitted = await client.SubmitTaskAsync(Request());
        var status = await client.GetTaskAsync(submitted.TaskId!);

        Assert.That(status.TaskId, Is.EqualTo(submitted.TaskId));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
        Assert.That(seen, Is.EqualTo(new[] { "POST api/generate/submit", $"GET api/generate/status/{submitted.TaskId}" }));
    }

    [Test]
    public async Task POYO_API_KEY_is_used_when_no_key_is_configured()
    {
        using var sandbox = PoyoSandbox.Start();
        Environment.SetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable, sandbox.ApiKey);
        Environment.SetEnvironmentVariable(PoyoClientOptions.BaseUrlEnvironmentVariable, sandbox.Url.AbsoluteUri);
        using var provider = Provider(null, services => services.AddPoyoClient());

        var submitted = await provider.GetRequiredService<PoyoClient>().SubmitTaskAsync(Request());

        Assert.That(submitted.TaskId, Is.Not.Null.And.Not.Empty);
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Logging_at_trace_through_the_factory_never_contains_the_key()
    {
        const string secretKey = "sk-live-DI-logging-secret-0123456789";
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { ApiKey = secretKey });
        var capture = new CapturingLoggerProvider();
        var configuration = Configuration(("Poyo:BaseUrl", sandbox.Url.AbsoluteUri), ("Poyo:ApiKey", secretKey));
        using var provider = Provider(configuration, services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
            services.AddPoyoClient();
        });
        var client = provider.GetRequiredService<PoyoClient>();

        var submitted = await client.SubmitTaskAsync(Request());
        await client.GetTaskAsync(submitted.TaskId!);
        sandbox.RespondUnauthorized();
        var refused = await Expect.PoyoErrorAsync(() => client.GetTaskAsync(submitted.TaskId!));

        Assert.That(refused.Category, Is.EqualTo(PoyoErrorCategory.Authentication));
        Assert.That(client.Options.LoggerFactory, Is.SameAs(provider.GetRequiredService<ILoggerFactory>()));
        Assert.That(capture.Lines, Has.Some.Contains("api/generate/submit"), "the factory's own request logging ran");
        Assert.That(capture.Lines, Has.Some.StartsWith("Debug Poyo.OpenApi"), "the client's own logging ran");
        Assert.That(capture.Lines, Has.Some.Contains("Authorization"), "headers were logged at Trace, so redaction was exercised");
        Assert.That(capture.Lines, Has.None.Contains(secretKey));
        Assert.That(refused.ToString(), Does.Not.Contain(secretKey));
        Assert.That(client.ToString() + client.Options, Does.Not.Contain(secretKey));
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath.TrimStart('/')}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
