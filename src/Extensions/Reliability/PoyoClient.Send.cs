using Polly;

namespace Poyo.OpenApi;

/// <summary>
/// Sending one operation: the retry pipeline of its <see cref="PoyoRequestKind"/> around attempts that each map
/// every failure to a <see cref="PoyoException"/> and log it.
/// </summary>
public partial class PoyoClient
{
    private async Task<TResult> SendAsync<TState, TResult>(
        Func<PoyoRestClient, TState, CancellationToken, Task<TResult>> call,
        TState state,
        string operation,
        PoyoRequestKind kind,
        CancellationToken cancellationToken)
    {
        if (!_hasApiKey)
        {
            throw new PoyoException(
                PoyoErrorCategory.Authentication,
                $"No PoYo API key: set PoyoClientOptions.ApiKey or the {PoyoClientOptions.ApiKeyEnvironmentVariable} environment variable. Nothing was sent.");
        }

        // The first attempt runs outside the pipeline: a success needs none of its layers (on a socket each one
        // allocates and resumes its own state machine). A failure is handed to the pipeline as the outcome of its
        // first attempt, so the retry decisions, delays, logs and attempt numbers are exactly those of running every
        // attempt inside it. A call cancelled before it starts goes to the pipeline as before (nothing is sent or logged).
        Exception? firstFailure = null;
        if (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                return await AttemptAsync(call, state, operation, kind, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                firstFailure = exception;
            }
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await _retries.For(kind).ExecuteAsync(
                static (context, attempt) => attempt.TakeFirstFailure() is { } failure
                    ? ValueTask.FromException<TResult>(failure)
                    : attempt.Client.AttemptAsync(attempt.Call, attempt.State, attempt.Operation, attempt.Kind, context.CancellationToken),
                context,
                new Attempt<TState, TResult>(this, call, state, operation, kind, firstFailure)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<TResult> AttemptAsync<TState, TResult>(
        Func<PoyoRestClient, TState, CancellationToken, Task<TResult>> call,
        TState state,
        string operation,
        PoyoRequestKind kind,
        CancellationToken cancellationToken)
    {
        var started = Options.TimeProvider.GetTimestamp();
        PoyoLog.Sending(_logger, kind, operation);
        try
        {
            var result = await call(_rest, state, cancellationToken).ConfigureAwait(false);
            PoyoLog.Answered(_logger, 200, operation, TaskIdIn(result), Options.TimeProvider.GetElapsedTime(started).TotalMilliseconds);

            // A failure code inside HTTP 200 fails this attempt, so that the retry policy sees it like the HTTP status.
            if (result is IResponseEnvelope<object> { Code: not 200 } envelope)
            {
                throw _errors.FromFailureEnvelope(envelope.Code, envelope.Error, envelope.AdditionalProperties, kind == PoyoRequestKind.PaidSubmit);
            }

            return result;
        }
        catch (Exception exception) when (Map(exception, operation, kind, cancellationToken) is { } error)
        {
            PoyoLog.Failed(_logger, error, operation, error.Category, error.StatusCode, error.IsOutcomeUnknown, Options.TimeProvider.GetElapsedTime(started).TotalMilliseconds);
            throw error;
        }
    }

    /// <summary>The task id an answer carries, for the log: a submit's new id is then never lost.</summary>
    private static string? TaskIdIn(object? result) => result switch
    {
        IResponseEnvelope<object> { Data: SubmittedTask submitted } => submitted.TaskId,
        IResponseEnvelope<object> { Data: PoyoTask task } => task.TaskId,
        _ => null,
    };

    /// <summary>The <see cref="PoyoException"/> for a failed attempt; null for the caller's own cancellation, which propagates.</summary>
    private PoyoException? Map(Exception exception, string operation, PoyoRequestKind kind, CancellationToken cancellationToken)
    {
        var isSubmit = kind == PoyoRequestKind.PaidSubmit;
        return exception switch
        {
            PoyoException already => already,
            PoyoRestException rest => _errors.FromRestException(rest, isSubmit),
            ResponseTooLargeException tooLarge => _errors.FromTooLarge(tooLarge, operation, isSubmit),
            HttpRequestException transport => _errors.FromTransport(transport, operation, isSubmit),
            OperationCanceledException timeout when !cancellationToken.IsCancellationRequested => PoyoErrorFactory.FromTimeout(timeout, operation, isSubmit),
            OperationCanceledException => null,
            Newtonsoft.Json.JsonException json => new PoyoException(
                PoyoErrorCategory.InvalidRequest,
                $"The request could not be written as JSON: {json.Message} Nothing was sent.",
                innerException: json),
            _ => null,
        };
    }

    /// <summary>One operation's attempts inside the pipeline; the first may already have been made (and failed) outside it.</summary>
    private sealed class Attempt<TState, TResult>(
        PoyoClient client,
        Func<PoyoRestClient, TState, CancellationToken, Task<TResult>> call,
        TState state,
        string operation,
        PoyoRequestKind kind,
        Exception? firstFailure)
    {
        private Exception? _firstFailure = firstFailure;

        public PoyoClient Client => client;

        public Func<PoyoRestClient, TState, CancellationToken, Task<TResult>> Call => call;

        public TState State => state;

        public string Operation => operation;

        public PoyoRequestKind Kind => kind;

        /// <summary>The failure of the attempt made outside the pipeline, once; then null.</summary>
        public Exception? TakeFirstFailure() => Interlocked.Exchange(ref _firstFailure, null);
    }
}
