using NUnit.Framework;
using static Poyo.OpenApi.Tests.Preflight.Mp4Builder;

namespace Poyo.OpenApi.Tests.Preflight;

/// <summary>The box parser on byte arrays: real fixtures and hand-made edge cases.</summary>
public class IsoBmffDurationReaderTests
{
    [TestCase("clip-4s-moov-at-end.mp4", 4.0)]
    [TestCase("clip-4s-faststart.mp4", 4.0)]
    [TestCase("clip-2s.mp4", 2.0)]
    [TestCase("clip-12s.mp4", 12.0)]
    [TestCase("clip-35s.mp4", 35.0)]
    [TestCase("clip-4s.mov", 4.0)]
    public async Task Reads_the_duration_of_real_encoder_output(string fixture, double seconds)
    {
        var bytes = Fixture(fixture);
        var source = new VirtualFileSource(VirtualFile.Of(bytes));

        var result = await IsoBmffDurationReader.ReadAsync(source, CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Found), result.Detail);
        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
        Assert.That(result.MvhdVersion, Is.Zero);
        // Only box headers and the mvhd are read: a few hundred bytes, whatever the file size.
        Assert.That(source.BytesRead, Is.LessThan(200));
        TestContext.Out.WriteLine($"{fixture}: {bytes.Length} bytes, parser read {source.BytesRead} in {source.Reads.Count} reads");
    }

    [Test]
    public async Task Reads_mvhd_version_1_with_a_64_bit_duration()
    {
        const ulong duration = 0x1_2345_6789UL; // needs more than 32 bits
        var file = Concat(Ftyp(), Box("moov", MvhdV1(1000, duration)));

        var result = await Read(file);

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Found), result.Detail);
        Assert.That(result.MvhdVersion, Is.EqualTo(1));
        Assert.That(result.DurationUnits, Is.EqualTo(duration));
        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(duration)));
    }

    [Test]
    public async Task Reads_mvhd_version_0_written_by_hand()
    {
        var result = await Read(Concat(Ftyp(), Box("moov", Box("iods", new byte[12]), MvhdV0(600, 3000))));

        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromSeconds(5)), result.Detail);
    }

    [Test]
    public async Task Follows_64_bit_box_sizes_at_top_level_and_inside_moov()
    {
        var file = Concat(Ftyp(), LargeBox("free", new byte[40]), LargeBox("moov", LargeBox("trak", new byte[8]), MvhdV0(1000, 7500)));

        var result = await Read(file);

        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromSeconds(7.5)), result.Detail);
    }

    [Test]
    public async Task Skips_a_5_GiB_mdat_with_a_64_bit_size_without_reading_it()
    {
        const long mdat = 5L * 1024 * 1024 * 1024;
        var file = VirtualFile.WithLargeMdat(mdat, Box("moov", MvhdV1(90000, 90000UL * 6)));
        var source = new VirtualFileSource(file);

        var result = await IsoBmffDurationReader.ReadAsync(source, CancellationToken.None);

        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromSeconds(6)), result.Detail);
        Assert.That(source.BytesRead, Is.LessThan(100));
        foreach (var (offset, count) in source.Reads)
        {
            Assert.That(offset + count <= 48 || offset >= 48 + mdat, Is.True, $"read {count} bytes at {offset}, inside mdat");
        }
    }

    [Test]
    public async Task A_moov_of_size_0_runs_to_the_end_of_the_file()
    {
        var moov = Concat(Header("moov", 0), MvhdV0(1000, 4000));

        var result = await Read(Concat(Ftyp(), moov));

        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromSeconds(4)), result.Detail);
    }

    [Test]
    public async Task An_mdat_of_size_0_before_any_moov_means_no_moov()
    {
        var result = await Read(Concat(Ftyp(), Header("mdat", 0), new byte[100]));

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.NoMoov));
        Assert.That(result.Detail, Does.Contain("'mdat'").And.Contain("end of the file"));
    }

    [Test]
    public async Task A_file_without_moov_says_so()
    {
        var result = await Read(Concat(Ftyp(), Box("free", new byte[16]), Box("mdat", new byte[500])));

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.NoMoov));
        Assert.That(result.Duration, Is.Null);
    }

    [Test]
    public async Task A_moov_without_mvhd_says_so()
    {
        var result = await Read(Concat(Ftyp(), Box("moov", Box("trak", new byte[20]))));

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.NoMvhd));
    }

    [Test]
    public async Task A_real_file_cut_inside_mdat_is_truncated()
    {
        var bytes = Fixture("clip-4s-moov-at-end.mp4");

        var result = await Read(bytes.AsSpan(0, bytes.Length / 2).ToArray());

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Truncated));
        Assert.That(result.Detail, Does.Contain("'mdat'").And.Contain("cut off"));
    }

    [Test]
    public async Task A_file_cut_inside_mvhd_is_truncated()
    {
        var file = Concat(Ftyp(), Box("moov", MvhdV1(1000, 5000)));

        var result = await Read(file.AsSpan(0, file.Length - 100).ToArray());

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Truncated), result.Detail);
    }

    [Test]
    public async Task A_file_cut_inside_a_box_header_is_truncated_or_has_no_moov()
    {
        var file = Concat(Ftyp(), LargeBox("free", new byte[8]));

        var result = await Read(file.AsSpan(0, Ftyp().Length + 12).ToArray());

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Truncated), result.Detail);
    }

    [Test]
    public async Task An_empty_file_has_no_moov()
    {
        var result = await Read([]);

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.NoMoov));
        Assert.That(result.Detail, Does.Contain("empty"));
    }

    [Test]
    public async Task A_web_page_is_not_an_mp4()
    {
        var result = await Read("<!DOCTYPE html><html><body>Not found</body></html>"u8.ToArray());

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Malformed));
        Assert.That(result.Detail, Does.Contain("not an MP4 or MOV file"));
    }

    [TestCase(0u)]
    [TestCase(7u)]
    public async Task An_impossible_box_size_is_malformed(uint size)
    {
        var result = await Read(Concat(Ftyp(), Header("free", size), new byte[64]));

        if (size == 0)
        {
            Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.NoMoov)); // size 0 is legal: to end of file
        }
        else
        {
            Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Malformed));
            Assert.That(result.Detail, Does.Contain("impossible size of 7"));
        }
    }

    [Test]
    public async Task A_64_bit_size_smaller_than_its_header_is_malformed()
    {
        var bad = LargeHeader("free", 15);

        var result = await Read(Concat(Ftyp(), bad, new byte[32]));

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Malformed));
    }

    [Test]
    public async Task An_unknown_mvhd_version_is_malformed()
    {
        var mvhd = MvhdV0(1000, 4000);
        mvhd[8] = 2;

        var result = await Read(Concat(Ftyp(), Box("moov", mvhd)));

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Malformed));
        Assert.That(result.Detail, Does.Contain("version 2"));
    }

    [Test]
    public async Task A_timescale_of_0_is_malformed()
    {
        var result = await Read(Concat(Ftyp(), Box("moov", MvhdV0(0, 4000))));

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Malformed));
    }

    [Test]
    public async Task An_all_ones_or_zero_duration_is_unknown()
    {
        var allOnes = await Read(Concat(Ftyp(), Box("moov", MvhdV0(1000, uint.MaxValue))));
        var allOnes64 = await Read(Concat(Ftyp(), Box("moov", MvhdV1(1000, ulong.MaxValue))));
        var zero = await Read(Concat(Ftyp(), Box("moov", MvhdV0(1000, 0))));

        Assert.That(allOnes.Status, Is.EqualTo(IsoBmffDurationStatus.UnknownDuration));
        Assert.That(allOnes64.Status, Is.EqualTo(IsoBmffDurationStatus.UnknownDuration));
        Assert.That(zero.Status, Is.EqualTo(IsoBmffDurationStatus.UnknownDuration));
        Assert.That(zero.Detail, Does.Contain("fragmented"));
    }

    [Test]
    public async Task An_mvhd_too_small_for_its_version_is_malformed()
    {
        var result = await Read(Concat(Ftyp(), Box("moov", Box("mvhd", [1, 0, 0, 0], new byte[16]))));

        Assert.That(result.Status, Is.EqualTo(IsoBmffDurationStatus.Malformed));
    }

    [Test]
    public async Task A_huge_64_bit_duration_saturates_instead_of_overflowing()
    {
        var result = await Read(Concat(Ftyp(), Box("moov", MvhdV1(1, ulong.MaxValue - 1))));

        Assert.That(result.Duration, Is.EqualTo(TimeSpan.MaxValue));
    }

    [Test]
    public void Honours_cancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(
            async () => await IsoBmffDurationReader.ReadAsync(new MemoryByteSource(Fixture("clip-4s.mov")), cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static Task<IsoBmffDurationResult> Read(byte[] file) =>
        IsoBmffDurationReader.ReadAsync(new MemoryByteSource(file), CancellationToken.None);
}
