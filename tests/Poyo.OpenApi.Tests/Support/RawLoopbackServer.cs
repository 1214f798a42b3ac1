using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Poyo.OpenApi.Tests.Support;

/// <summary>
/// A bare TCP server on 127.0.0.1 for faults WireMock cannot make: it reads each HTTP request completely, counts
/// it, writes <c>reply</c> (possibly nothing) and resets the connection (RST, linger 0).
/// </summary>
internal sealed class RawLoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _reply;
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    public RawLoopbackServer(string reply)
    {
        _reply = Encoding.ASCII.GetBytes(reply);
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Complete requests read so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await ReadRequestAsync(socket);
                Interlocked.Increment(ref _requests);
                if (_reply.Length > 0)
                {
                    await socket.SendAsync(_reply);
                }
            }
            catch (SocketException)
            {
                // The client went away first; nothing to count.
            }
            finally
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
    }

    private static async Task ReadRequestAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8.ToArray())) < 0)
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var headers = Encoding.ASCII.GetString(received.GetRange(0, headerEnd).ToArray());
        var length = headers.Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var bodyReceived = received.Count - headerEnd - 4;
        while (bodyReceived < length)
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            bodyReceived += read;
        }
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Count - needle.Length; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
            {
                match = haystack[i + j] == needle[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
