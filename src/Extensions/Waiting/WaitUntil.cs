namespace Poyo.OpenApi;

/// <summary>When a method that starts a task returns.</summary>
public enum WaitUntil
{
    /// <summary>As soon as PoYo has accepted the task; wait later with <see cref="PoyoTaskOperation.WaitForCompletionAsync(IProgress{PoyoTaskProgress}, PoyoWaitOptions, CancellationToken)"/>.</summary>
    Started,

    /// <summary>Once the task has finished (or failed).</summary>
    Completed,
}
