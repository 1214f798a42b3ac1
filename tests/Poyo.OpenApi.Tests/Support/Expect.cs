using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Support;

/// <summary>Awaits a call that must fail with a <see cref="PoyoException"/> and returns it.</summary>
internal static class Expect
{
    public static async Task<TException> ThrowsAsync<TException>(Func<Task> call)
        where TException : Exception
    {
        try
        {
            // A real-time guard: a broken wait fails the test instead of hanging the run (nothing sleeps).
            await call().WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TException expected)
        {
            return expected;
        }

        Assert.Fail($"Expected {typeof(TException).Name}, but the call succeeded.");
        throw new InvalidOperationException("unreachable");
    }

    public static Task<PoyoException> PoyoErrorAsync(Func<Task> call) => ThrowsAsync<PoyoException>(call);
}
