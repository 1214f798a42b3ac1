namespace Poyo.OpenApi;

/// <summary>
/// A task's status as PoYo reports it. An open set: values this library does not know are kept as they are
/// (<see cref="ToString"/>) and count as not finished, except <c>cancelled</c>/<c>canceled</c>, which count as a
/// terminal failure.
/// </summary>
public readonly struct PoyoTaskStatus : IEquatable<PoyoTaskStatus>
{
    private const string NotStartedValue = "not_started";
    private const string RunningValue = "running";
    private const string FinishedValue = "finished";
    private const string FailedValue = "failed";
    private const string CancelledValue = "cancelled";
    private const string CanceledValue = "canceled";

    private readonly string? _value;

    /// <summary>Wraps a raw status value as the API sent it.</summary>
    /// <param name="value">The raw value, e.g. <c>running</c>.</param>
    public PoyoTaskStatus(string? value) => _value = value;

    /// <summary>Accepted, not started yet (<c>not_started</c>).</summary>
    public static PoyoTaskStatus NotStarted { get; } = new(NotStartedValue);

    /// <summary>Generating (<c>running</c>).</summary>
    public static PoyoTaskStatus Running { get; } = new(RunningValue);

    /// <summary>Done; the output files are ready (<c>finished</c>).</summary>
    public static PoyoTaskStatus Finished { get; } = new(FinishedValue);

    /// <summary>Failed; see <see cref="PoyoTask.ErrorMessage"/>. Failed tasks are not charged (<c>failed</c>).</summary>
    public static PoyoTaskStatus Failed { get; } = new(FailedValue);

    /// <summary>Cancelled (<c>cancelled</c>; <c>canceled</c> is the same status). Not documented by PoYo; a terminal failure.</summary>
    public static PoyoTaskStatus Cancelled { get; } = new(CancelledValue);

    /// <summary>The raw value; <see langword="null"/> when the API sent none.</summary>
    public string? Value => _value;

    /// <summary>Whether this is one of the statuses this library knows.</summary>
    public bool IsKnown => Normalized is NotStartedValue or RunningValue or FinishedValue or FailedValue or CancelledValue;

    /// <summary>Whether the task has ended: finished, failed or cancelled. Unknown statuses have not.</summary>
    public bool IsCompleted => Normalized is FinishedValue or FailedValue or CancelledValue;

    /// <summary>Whether the task ended without output: failed or cancelled.</summary>
    public bool IsFailure => Normalized is FailedValue or CancelledValue;

    private string? Normalized => _value?.Trim().ToLowerInvariant() switch
    {
        CanceledValue => CancelledValue,
        var other => other,
    };

    /// <summary>Compares two statuses (case-insensitive; <c>canceled</c> equals <c>cancelled</c>).</summary>
    public static bool operator ==(PoyoTaskStatus left, PoyoTaskStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    public static bool operator !=(PoyoTaskStatus left, PoyoTaskStatus right) => !left.Equals(right);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator PoyoTaskStatus(string? value) => new(value);

    /// <inheritdoc />
    public bool Equals(PoyoTaskStatus other) => string.Equals(Normalized, other.Normalized, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PoyoTaskStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Normalized?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <summary>The raw value, or an empty string when there is none.</summary>
    public override string ToString() => _value ?? string.Empty;
}
