namespace Poyo.OpenApi;

/// <summary>Why an <see cref="IRandomAccessByteSource"/> could not give the bytes asked for.</summary>
internal enum ByteSourceFailure
{
    /// <summary>Reading on would spend more than the read budget.</summary>
    BudgetExceeded,

    /// <summary>The server answered a range request with the whole file (200) instead of the range (206).</summary>
    RangeIgnored,

    /// <summary>The server answered a range request with an error status or a malformed <c>Content-Range</c>.</summary>
    BadResponse,
}

/// <summary>An <see cref="IRandomAccessByteSource"/> could not give the bytes asked for; never leaves the preflight.</summary>
internal sealed class ByteSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the read failed.</param>
    /// <param name="message">What happened, in words a user can act on.</param>
    public ByteSourceException(ByteSourceFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Why the read failed.</summary>
    public ByteSourceFailure Failure { get; }
}
