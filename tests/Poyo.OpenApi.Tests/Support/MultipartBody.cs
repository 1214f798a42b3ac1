using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Poyo.OpenApi.Tests.Support;

/// <summary>Parses the multipart/form-data body a WireMock server received, part by part.</summary>
internal static class MultipartBody
{
    public sealed record Part(string Name, string? FileName, string? ContentType, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    public static async Task<IReadOnlyList<Part>> ReadAsync(WireMock.IRequestMessage request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.Headers!["Content-Type"].Single());
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? "")));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition!);
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            parts.Add(new Part(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                buffer.ToArray()));
        }

        return parts;
    }
}
