// A PoYo callback receiver: verify the signature, answer 200 at once, reconcile with GET status in the background.
// Run: POYO_WEBHOOK_SECRET=... [POYO_API_KEY=...] [POYO_BASE_URL=...] dotnet run -- --urls http://127.0.0.1:5087   (see README.md)
using Poyo.OpenApi;
using Poyo.WebhookReceiver;

var builder = WebApplication.CreateBuilder(args);

var secret = Environment.GetEnvironmentVariable("POYO_WEBHOOK_SECRET");
if (string.IsNullOrWhiteSpace(secret))
{
    Console.Error.WriteLine("Set POYO_WEBHOOK_SECRET to your PoYo webhook secret (GET /api/api-keys/webhook-secret).");
    return 1;
}

// Callbacks are small; refuse anything large before reading it.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services.AddSingleton(new PoyoWebhookVerifier(secret));
builder.Services.AddSingleton<ReconcileQueue>();
// The PoYo client as a typed IHttpClientFactory client. Options come from the "Poyo" configuration section
// (appsettings.json, or Poyo__ApiKey-style environment variables), else POYO_API_KEY / POYO_BASE_URL.
// Without a key, reconciling is skipped.
builder.Services.AddPoyoClient();
builder.Services.AddHostedService<ReconcileWorker>();

var app = builder.Build();
app.MapPost("/poyo/callback", CallbackEndpoint.HandleAsync);
await app.RunAsync();
return 0;
