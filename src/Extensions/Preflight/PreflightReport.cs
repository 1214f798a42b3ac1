namespace Poyo.OpenApi;

/// <summary>The result of <see cref="PoyoPreflight.CheckAsync"/>: one <see cref="PreflightCheck"/> per input URL.</summary>
public sealed class PreflightReport
{
    internal PreflightReport(IReadOnlyList<PreflightCheck> checks)
    {
        Checks = checks;
        var failures = new List<PreflightCheck>();
        var unchecked_ = new List<PreflightCheck>();
        long bytes = 0;
        foreach (var check in checks)
        {
            bytes += check.BytesRead;
            if (check.Outcome == PreflightOutcome.Failed)
            {
                failures.Add(check);
            }
            else if (check.Outcome == PreflightOutcome.CouldNotCheck)
            {
                unchecked_.Add(check);
            }
        }

        Failures = failures;
        NotChecked = unchecked_;
        TotalBytesRead = bytes;
    }

    /// <summary>Every check, in input order: images, then videos, then kling element images.</summary>
    public IReadOnlyList<PreflightCheck> Checks { get; }

    /// <summary>The checks that failed: PoYo would most likely reject these inputs.</summary>
    public IReadOnlyList<PreflightCheck> Failures { get; }

    /// <summary>The checks that could not be completed; nothing wrong was found in them.</summary>
    public IReadOnlyList<PreflightCheck> NotChecked { get; }

    /// <summary>True when every check passed (none failed and none was left unchecked).</summary>
    public bool IsSuccess => Failures.Count == 0 && NotChecked.Count == 0;

    /// <summary>True when at least one check failed.</summary>
    public bool HasFailures => Failures.Count > 0;

    /// <summary>Body bytes read over all checks.</summary>
    public long TotalBytesRead { get; }

    /// <summary>One line per check.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Checks);
}
