using System.CommandLine;

namespace Poyo.Cli.Commands;

/// <summary>Where to send requests and with which key; set on the root and valid after every subcommand.</summary>
internal static class ConnectionOptions
{
    /// <summary>The API key; default: POYO_API_KEY. Never printed.</summary>
    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "PoYo API key (default: the POYO_API_KEY environment variable). Never printed.",
        HelpName = "KEY",
        Recursive = true,
    };

    /// <summary>The base URL; default: POYO_BASE_URL, else https://api.poyo.ai.</summary>
    public static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = "API base URL (default: POYO_BASE_URL, else https://api.poyo.ai). With no key and no base URL, an embedded local sandbox is used.",
        HelpName = "URL",
        Recursive = true,
    };
}
