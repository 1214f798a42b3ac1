using System.Globalization;
using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>
/// Reads PoYo's timestamps leniently: ISO-8601 with or without a fraction, with or without <c>Z</c> or an offset;
/// a value without an offset is UTC (PoYo's docs show naive times). Unreadable values become <see langword="null"/>.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd",
    ];

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.String when Parse((string?)reader.Value) is { } parsed:
                return parsed;
            case JsonToken.Date when reader.Value is DateTimeOffset offset:
                return offset;
            case JsonToken.Date when reader.Value is DateTime dateTime:
                return new DateTimeOffset(DateTime.SpecifyKind(dateTime, dateTime.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dateTime.Kind));
            default:
                return objectType == typeof(DateTimeOffset) ? default(DateTimeOffset) : null;
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset offset)
        {
            writer.WriteValue(offset.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }

    /// <summary>Parses one timestamp; <see langword="null"/> when it is not ISO-8601.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParseExact(
            text?.Trim(),
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value)
            ? value
            : null;
}
