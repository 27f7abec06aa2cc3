namespace WotId.Testing;

/// <summary>
/// Deterministic key seeds: the bytes first, first + 1, … (mod 256). Tests and the Node.js oracles derive the
/// same keys from the same first byte.
/// </summary>
public static class TestSeeds
{
    /// <summary>A seed of <paramref name="length"/> counting bytes starting at <paramref name="first"/>.</summary>
    public static byte[] Counting(byte first, int length)
    {
        byte[] seed = new byte[length];
        for (int i = 0; i < seed.Length; i++)
        {
            seed[i] = unchecked((byte)(first + i));
        }

        return seed;
    }
}
