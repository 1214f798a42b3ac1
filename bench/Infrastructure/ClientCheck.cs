namespace Poyo.OpenApi.Benchmarks.Infrastructure;

/// <summary>
/// The client's internal pre-submit check (SubmitTaskRequestFastCheck.IsCertainlyValid), reached by reflection once so
/// that the library needs no InternalsVisibleTo for the bench (it would show in the public API snapshot).
/// </summary>
public static class ClientCheck
{
    public static readonly Func<SubmitTaskRequest, bool> IsCertainlyValid = typeof(PoyoClient).Assembly
        .GetType("Poyo.OpenApi.SubmitTaskRequestFastCheck", throwOnError: true)!
        .GetMethod("IsCertainlyValid", [typeof(SubmitTaskRequest)])!
        .CreateDelegate<Func<SubmitTaskRequest, bool>>();
}
