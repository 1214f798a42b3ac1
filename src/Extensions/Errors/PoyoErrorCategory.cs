namespace Poyo.OpenApi;

/// <summary>What kind of failure a <see cref="PoyoException"/> reports, so callers can branch without parsing messages.</summary>
public enum PoyoErrorCategory
{
    /// <summary>The failure fits no other category; the response was not what the API contract describes.</summary>
    UnexpectedResponse = 0,

    /// <summary>No API key, or PoYo rejected it (HTTP 401).</summary>
    Authentication,

    /// <summary>The key may not do this, e.g. the task belongs to another user (HTTP 403).</summary>
    PermissionDenied,

    /// <summary>Not enough credits for the task (HTTP 402, or code 402 inside HTTP 200).</summary>
    InsufficientCredits,

    /// <summary>The request is invalid: a local validation failure or PoYo's 400 (invalid_request_error, validation_error, …).</summary>
    InvalidRequest,

    /// <summary>PoYo's moderation refused the content (content_moderation_error).</summary>
    ContentModeration,

    /// <summary>Unknown task id (HTTP 404).</summary>
    NotFound,

    /// <summary>Too many requests (HTTP 429); see <see cref="PoyoException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>PoYo failed or is temporarily unavailable (HTTP 5xx).</summary>
    Server,

    /// <summary>No response: the connection failed or was reset.</summary>
    Network,

    /// <summary>No response in time, or a wait for a task ran out of time (the task goes on).</summary>
    Timeout,

    /// <summary>The task ended as failed or cancelled (<see cref="PoyoTaskFailedException"/>); failed tasks are not charged.</summary>
    TaskFailed,
}
