// Bounds applied while decoding DHT messages (see the limits table of KadProtocol).
using System;

namespace WotId.Libp2p.Kademlia;

/// <summary>Length checks that throw <see cref="KadException"/> with <see cref="KadError.TooLarge"/>.</summary>
internal static class KadLimits
{
    public static byte[] Bytes(ReadOnlySpan<byte> value, int max, string what) =>
        value.Length <= max ? value.ToArray() : throw TooLarge(what, value.Length, max);

    public static string Text(string value, int max, string what) =>
        value.Length <= max ? value : throw TooLarge(what, value.Length, max);

    public static void Count(int count, int max, string what)
    {
        if (count > max)
        {
            throw new KadException(KadError.TooLarge, $"more than {max} {what}");
        }
    }

    private static KadException TooLarge(string what, int length, int max) =>
        new(KadError.TooLarge, $"{what} of {length} exceeds the limit of {max}");
}
