using NUnit.Framework;

namespace Poyo.Cli.Tests.Support;

/// <summary>Real media files (shared with the library's tests) for local-file uploads.</summary>
internal static class Fixtures
{
    public static string Png => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "red-16x16.png");

    public static string Mov => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "clip-4s.mov");
}
