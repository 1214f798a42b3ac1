using System.Buffers.Binary;
using System.Text;
using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Preflight;

/// <summary>Builds ISO BMFF boxes byte by byte for the hand-made edge cases.</summary>
internal static class Mp4Builder
{
    public static byte[] Box(string type, params byte[][] children)
    {
        var payload = Concat(children);
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4, 4));
        payload.CopyTo(box, 8);
        return box;
    }

    /// <summary>A box with size == 1 and a 64-bit largesize after the type.</summary>
    public static byte[] LargeBox(string type, params byte[][] children)
    {
        var payload = Concat(children);
        var box = new byte[16 + payload.Length];
        LargeHeader(type, box.Length).CopyTo(box, 0);
        payload.CopyTo(box, 16);
        return box;
    }

    /// <summary>Only the 16-byte header of a box with a 64-bit size (its payload can be virtual).</summary>
    public static byte[] LargeHeader(string type, long totalSize)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        Encoding.ASCII.GetBytes(type, header.AsSpan(4, 4));
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(8), (ulong)totalSize);
        return header;
    }

    /// <summary>Only the 8-byte header of a box (its payload can be virtual); size 0 means "to the end of the file".</summary>
    public static byte[] Header(string type, uint size)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, size);
        Encoding.ASCII.GetBytes(type, header.AsSpan(4, 4));
        return header;
    }

    public static byte[] Ftyp() => Box("ftyp", Encoding.ASCII.GetBytes("isom"), [0, 0, 2, 0], Encoding.ASCII.GetBytes("isomiso2avc1mp41"));

    /// <summary>A complete 108-byte mvhd, version 0 (32-bit times and duration).</summary>
    public static byte[] MvhdV0(uint timescale, uint duration)
    {
        var p = new byte[100];
        p[0] = 0; // version; flags 0
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(12), timescale);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(16), duration);
        FillRest(p, 20);
        return Box("mvhd", p);
    }

    /// <summary>A complete 120-byte mvhd, version 1 (64-bit times and duration).</summary>
    public static byte[] MvhdV1(uint timescale, ulong duration)
    {
        var p = new byte[112];
        p[0] = 1;
        BinaryPrimitives.WriteUInt64BigEndian(p.AsSpan(4), 3_900_000_000UL); // creation
        BinaryPrimitives.WriteUInt64BigEndian(p.AsSpan(12), 3_900_000_001UL); // modification
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(20), timescale);
        BinaryPrimitives.WriteUInt64BigEndian(p.AsSpan(24), duration);
        FillRest(p, 32);
        return Box("mvhd", p);
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += part.Length;
        }

        var all = new byte[length];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }

        return all;
    }

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Video", name));

    /// <summary>Rate 1.0, volume 1.0, unity matrix, next track id: the rest of an mvhd after the duration.</summary>
    private static void FillRest(byte[] payload, int at)
    {
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(at), 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(at + 4), 0x0100);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(at + 16), 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(at + 32), 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(at + 48), 0x40000000);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(payload.Length - 4), 2);
    }
}
