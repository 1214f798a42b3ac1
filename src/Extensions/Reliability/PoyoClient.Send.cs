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

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await _retries.For(kind).ExecuteAsync(
                static (context, attempt) => attempt.Client.AttemptAsync(attempt.Call, attempt.State, attempt.Operation, attempt.Kind, context.CancellationToken),
                context,
                new Attempt<TState, TResult>(this, call, state, operation, kind)).ConfigureAwait(false);
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

    private readonly record struct Attempt<TState, TResult>(
        PoyoClient Client,
        Func<PoyoRestClient, TState, CancellationToken, Task<TResult>> Call,
        TState State,
        string Operation,
        PoyoRequestKind Kind);
}
