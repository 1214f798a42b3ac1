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
            await call();
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
