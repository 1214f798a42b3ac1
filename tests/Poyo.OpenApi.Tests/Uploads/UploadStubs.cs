using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Uploads;

/// <summary>The upload endpoints and PoYo's documented upload response.</summary>
internal static class UploadStubs
{
    public const string StreamPath = "/api/common/upload/stream";
    public const string UrlPath = "/api/common/upload/url";
    public const string Base64Path = "/api/common/upload/base64";

    public const string Uploaded = """
        {"success":true,"code":200,"msg":"File uploaded successfully","request_id":"r-9","data":{"file_id":"f_8d2c1a","file_name":"8d2c1a.png","original_name":"reference.png","file_size":204800,"mime_type":"image/png","upload_path":"uploads","file_url":"https://storage.poyo.ai/uploads/8d2c1a.png","download_url":"https://storage.poyo.ai/uploads/8d2c1a.png?download=1","upload_time":"2025-11-12T10:30:00.123456","expires_at":"2025-11-15T10:30:00","bucket":"b1"}}
        """;

    public static void StubUpload(this WireMockServer server, string path, int status = 200, string body = Uploaded) =>
        server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    public static void StubAllUploads(this WireMockServer server, int status = 200, string body = Uploaded)
    {
        server.StubUpload(StreamPath, status, body);
        server.StubUpload(UrlPath, status, body);
        server.StubUpload(Base64Path, status, body);
    }
}

/// <summary>A seekable stream that only has a length: a large file without the memory.</summary>
internal sealed class LengthOnlyStream(long length) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }
    public int Reads { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Reads++;
        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A forward-only stream of <paramref name="length"/> zero bytes, produced as read (no memory, no length known up front).</summary>
internal sealed class ForwardOnlyStream(long length) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = (int)Math.Min(count, length - BytesRead);
        Array.Clear(buffer, offset, read);
        BytesRead += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
