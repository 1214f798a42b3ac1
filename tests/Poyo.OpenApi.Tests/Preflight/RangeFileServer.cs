using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Poyo.OpenApi.Tests.Preflight;

/// <summary>How a served file answers.</summary>
internal enum RangeMode
{
    /// <summary>HEAD, and GET with <c>Range: bytes=a-b</c> answered by 206 and <c>Content-Range</c>.</summary>
    Honour,

    /// <summary>Ranges ignored: every GET gets 200 and the whole body.</summary>
    Ignore,

    /// <summary>Like <see cref="Honour"/>, but HEAD gets 405.</summary>
    RefuseHead,
}

/// <summary>
/// WireMock on 127.0.0.1 serving files with HTTP range support through a response callback, counting every body
/// byte it serves and every range asked for, per path.
/// </summary>
internal sealed class RangeFileServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Served>> _served = new();

    private RangeFileServer(WireMockServer server)
    {
        _server = server;
    }

    public static RangeFileServer Start() => new(WireMockServer.Start(new WireMockServerSettings
    {
        Urls = [$"http://127.0.0.1:{FreeLoopbackPort()}"],
        StartAdminInterface = false,
    }));

    /// <summary>The URL of <paramref name="path"/> on 127.0.0.1 (WireMock reports "localhost", which may resolve to ::1 first).</summary>
    public Uri Url(string path) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_server.Ports[0]}{path}"));

    public Uri Serve(string path, byte[] body, string? contentType, RangeMode mode = RangeMode.Honour) =>
        Serve(path, VirtualFile.Of(body), contentType, mode);

    public Uri Serve(string path, VirtualFile file, string? contentType, RangeMode mode = RangeMode.Honour)
    {
        var log = _served.GetOrAdd(path, _ => new ConcurrentQueue<Served>());
        _server.Given(Request.Create().WithPath(path).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(request => Answer(request, file, contentType, mode, log)));
        return Url(path);
    }

    /// <summary>Answers every method with <paramref name="status"/> and an optional text body.</summary>
    public Uri ServeStatus(string path, int status, string? contentType = null, string? body = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (contentType is not null)
        {
            response = response.WithHeader("Content-Type", contentType);
        }

        if (body is not null)
        {
            response = response.WithBody(body);
        }

        _server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(response);
        return Url(path);
    }

    /// <summary>Body bytes served for <paramref name="path"/> (whole bodies included when ranges are ignored).</summary>
    public long BytesServed(string path)
    {
        long total = 0;
        foreach (var served in Log(path))
        {
            total += served.Count;
        }

        return total;
    }

    /// <summary>Every request for <paramref name="path"/>: method, the range served (From, Count) and the status.</summary>
    public IReadOnlyList<Served> Log(string path) => _served.TryGetValue(path, out var log) ? [.. log] : [];

    public void Dispose() => _server.Stop();

    private static ResponseMessage Answer(IRequestMessage request, VirtualFile file, string? contentType, RangeMode mode, ConcurrentQueue<Served> log)
    {
        var response = new ResponseMessage();
        if (contentType is not null)
        {
            response.AddHeader("Content-Type", contentType);
        }

        var length = file.Length.ToString(CultureInfo.InvariantCulture);
        if (request.Method == "HEAD")
        {
            response.StatusCode = mode == RangeMode.RefuseHead ? 405 : 200;
            if (mode != RangeMode.RefuseHead)
            {
                response.AddHeader("Content-Length", length);
            }

            log.Enqueue(new Served("HEAD", 0, 0, (int)response.StatusCode!));
            return response;
        }

        var range = Header(request, "Range");
        if (mode != RangeMode.Ignore && range is not null && TryParse(range, file.Length, out var from, out var to))
        {
            if (from >= file.Length)
            {
                response.StatusCode = 416;
                response.AddHeader("Content-Range", $"bytes */{length}");
                log.Enqueue(new Served("GET", from, 0, 416));
                return response;
            }

            response.StatusCode = 206;
            response.AddHeader("Content-Range", string.Create(CultureInfo.InvariantCulture, $"bytes {from}-{to}/{file.Length}"));
            response.AddHeader("Accept-Ranges", "bytes");
            var count = (int)(to - from + 1);
            response.BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = file.Read(from, count) };
            log.Enqueue(new Served("GET", from, count, 206));
            return response;
        }

        response.StatusCode = 200;
        response.AddHeader("Content-Length", length);
        var whole = file.Read(0, checked((int)file.Length));
        response.BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = whole };
        log.Enqueue(new Served("GET", 0, whole.Length, 200));
        return response;
    }

    private static string? Header(IRequestMessage request, string name)
    {
        if (request.Headers is null)
        {
            return null;
        }

        foreach (var header in request.Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase) && header.Value.Count > 0)
            {
                return header.Value[0];
            }
        }

        return null;
    }

    /// <summary>Parses <c>bytes=a-b</c> or <c>bytes=a-</c>; <paramref name="to"/> is clamped to the file's end.</summary>
    private static bool TryParse(string range, long length, out long from, out long to)
    {
        from = to = 0;
        if (!range.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || range.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        var spec = range[6..].Split('-');
        if (spec.Length != 2 || !long.TryParse(spec[0], CultureInfo.InvariantCulture, out from))
        {
            return false;
        }

        to = spec[1].Length == 0 ? length - 1 : long.Parse(spec[1], CultureInfo.InvariantCulture);
        to = Math.Min(to, length - 1);
        return to >= from || from >= length;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One request a <see cref="RangeFileServer"/> answered: the body bytes it served from <see cref="From"/>.</summary>
internal sealed record Served(string Method, long From, int Count, int Status);
