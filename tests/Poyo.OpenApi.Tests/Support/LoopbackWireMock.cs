using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Poyo.OpenApi.Tests.Support;

/// <summary>WireMock bound to 127.0.0.1 on a free port: tests never leave the loopback interface.</summary>
internal static class LoopbackWireMock
{
    public static WireMockServer Start() => StartOn(FreeLoopbackPort());

    /// <summary>WireMock on 127.0.0.1:<paramref name="port"/> (e.g. a port a client already failed to reach).</summary>
    public static WireMockServer StartOn(int port) =>
        WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            StartAdminInterface = false,
        });

    /// <summary>The requests the server received, in order.</summary>
    public static IReadOnlyList<WireMock.IRequestMessage> Requests(this WireMockServer server) =>
        server.LogEntries.Select(entry => entry.RequestMessage!).ToList();

    /// <summary>A loopback port nothing listens on (right now).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
