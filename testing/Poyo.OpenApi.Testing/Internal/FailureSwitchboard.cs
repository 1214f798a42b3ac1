namespace Poyo.OpenApi.Testing.Internal;

/// <summary>
/// The failures armed for the next requests. Each is used up by the requests it answers; when several are armed the
/// order is 5xx, 429, 401 (what a gateway in front of PoYo would answer first), then 402 for submits. Thread-safe.
/// </summary>
internal sealed class FailureSwitchboard
{
    private readonly Lock _lock = new();
    private int _serverErrors;
    private InjectedFailure.ServerError _serverError = new(503, HtmlBody: false);
    private int _rateLimits;
    private InjectedFailure.RateLimited _rateLimit = new(1);
    private int _unauthorized;
    private int _insufficientCredits;

    public void ArmServerError(int requests, int statusCode, bool htmlBody)
    {
        lock (_lock)
        {
            _serverErrors = requests;
            _serverError = new InjectedFailure.ServerError(statusCode, htmlBody);
        }
    }

    public void ArmRateLimit(int requests, int? retryAfterSeconds)
    {
        lock (_lock)
        {
            _rateLimits = requests;
            _rateLimit = new InjectedFailure.RateLimited(retryAfterSeconds);
        }
    }

    public void ArmUnauthorized(int requests)
    {
        lock (_lock)
        {
            _unauthorized = requests;
        }
    }

    public void ArmInsufficientCredits(int submits)
    {
        lock (_lock)
        {
            _insufficientCredits = submits;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _serverErrors = 0;
            _rateLimits = 0;
            _unauthorized = 0;
            _insufficientCredits = 0;
        }
    }

    /// <summary>Takes the failure that answers this request before anything else is checked, if one is armed.</summary>
    public InjectedFailure? TakeBeforeAuthentication()
    {
        lock (_lock)
        {
            if (_serverErrors > 0)
            {
                _serverErrors--;
                return _serverError;
            }

            if (_rateLimits > 0)
            {
                _rateLimits--;
                return _rateLimit;
            }

            if (_unauthorized > 0)
            {
                _unauthorized--;
                return new InjectedFailure.Unauthorized();
            }

            return null;
        }
    }

    /// <summary>Takes an armed 402 for a submit that passed authentication and validation.</summary>
    public bool TakeInsufficientCredits()
    {
        lock (_lock)
        {
            if (_insufficientCredits <= 0)
            {
                return false;
            }

            _insufficientCredits--;
            return true;
        }
    }
}
