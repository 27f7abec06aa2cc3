// The whole-file hash of /wotid/file/ (since 4.0.0) (FileContentHash over the `Blake3` package) against an implementation
// nobody here wrote: @noble/hashes 2.4.0's BLAKE3 (interop/files/blake3-peer.mjs). Sizes sit around BLAKE3's 64-byte
// blocks, 1 KiB chunks and the 4/8/16-chunk SIMD batches, and around the node's 256 KiB chunk and 1 MiB block; the
// incremental cases split the same bytes into uneven updates, as a resumed stream (prefix, then chunks) or the
// receiver's write stage (whole blocks) does. Both directions: the C# digest must equal noble's and noble's the C#
// one-shot and incremental digests of the same input.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Node.Files;
using WotId.Testing;

namespace WotId.Node.Tests.Files;

public sealed class FileContentHashInteropTests
{
    private static readonly int[] s_sizes =
    [
        0, 1, 63, 64, 65, 1023, 1024, 1025, 2047, 2048, 2049, 3072, 3073, 4095, 4096, 4097, 8191, 8192, 8193,
        16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 31 * 1024, 32 * 1024 + 7, 64 * 1024, 100 * 1024 + 3,
        256 * 1024 - 1, 256 * 1024, 256 * 1024 + 48, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12345,
    ];

    [Fact]
    public void EmptyInputHasTheSpecificationsDigest()
    {
        // BLAKE3 reference test vectors (test_vectors.json of the BLAKE3 repository), input length 0, 32-byte output.
        Assert.Equal("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", Convert.ToHexStringLower(FileContentHash.Hash([])));
    }

    [Fact]
    public async Task DigestsOfOneUpdateMatchNobleAroundEveryBoundary()
    {
        await using NodeProcess noble = NodeProcess.Start("files/blake3-peer.mjs");
        foreach (int size in s_sizes)
        {
            byte[] data = Pattern(size);
            using var hash = new FileContentHash();
            hash.Append(data);
            string ours = Convert.ToHexStringLower(hash.GetHashAndReset());
            Assert.Equal(await NobleAsync(noble, data, []), ours);
            Assert.Equal(ours, Convert.ToHexStringLower(FileContentHash.Hash(data)));
        }
    }

    [Fact]
    public async Task IncrementalUpdatesOfUnevenSizesMatchNoble()
    {
        await using NodeProcess noble = NodeProcess.Start("files/blake3-peer.mjs");
        var random = new Random(20261207); // fixed: the same splits every run
        foreach (int size in s_sizes.Where(s => s > 1))
        {
            byte[] data = Pattern(size);
            string expected = await NobleAsync(noble, data, []);
            foreach (int[] parts in Splits(size, random))
            {
                using var hash = new FileContentHash();
                int at = 0;
                foreach (int n in parts)
                {
                    hash.Append(data.AsSpan(at, n));
                    at += n;
                }

                Assert.Equal(expected, Convert.ToHexStringLower(hash.GetHashAndReset()));
                Assert.Equal(expected, await NobleAsync(noble, data, parts)); // noble split the same way agrees with itself and us
            }
        }
    }

    [Fact]
    public async Task StateIsResetAfterEachDigest()
    {
        await using NodeProcess noble = NodeProcess.Start("files/blake3-peer.mjs");
        using var hash = new FileContentHash();
        foreach (int size in (int[])[1025, 0, 70_000])
        {
            byte[] data = Pattern(size);
            hash.Append(data);
            Assert.Equal(await NobleAsync(noble, data, []), Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
    }

    /// <summary>Bytes i mod 251, as the BLAKE3 reference vectors use (no period that lines up with a block or chunk).</summary>
    private static byte[] Pattern(int size)
    {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++)
        {
            data[i] = (byte)(i % 251);
        }

        return data;
    }

    /// <summary>A 1-byte head then the rest; a chunk-sized head (a resumed prefix) then odd pieces; random pieces.</summary>
    private static IEnumerable<int[]> Splits(int size, Random random)
    {
        yield return [1, size - 1];
        int head = Math.Min(size, 1024);
        var odd = new List<int> { head };
        for (int left = size - head, step = 1; left > 0; step = ((step * 7) + 3) % 70_001)
        {
            int n = Math.Min(left, step + 1);
            odd.Add(n);
            left -= n;
        }

        yield return [.. odd];
        var pieces = new List<int>();
        for (int left = size; left > 0;)
        {
            int n = Math.Min(left, random.Next(1, Math.Max(2, size / 3)));
            pieces.Add(n);
            left -= n;
        }

        yield return [.. pieces];
    }

    private static async Task<string> NobleAsync(NodeProcess noble, byte[] data, int[] parts)
    {
        await noble.SendLineAsync(JsonSerializer.Serialize(new { data = Convert.ToHexStringLower(data), parts }));
        JsonElement answer = JsonDocument.Parse(await noble.ReadLineAsync(TimeSpan.FromSeconds(60))).RootElement;
        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.TryGetProperty("error", out JsonElement e) ? e.GetString() : "noble failed");
        return answer.GetProperty("hash").GetString()!;
    }
}
