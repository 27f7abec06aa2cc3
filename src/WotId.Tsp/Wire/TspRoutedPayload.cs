// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §5 routed mode; code XHOP, -J count = number of hops in the SDK).
using System;
using System.Collections.Generic;

namespace WotId.Tsp.Wire;

/// <summary>An inner message with the remaining route (XHOP -J## hops…).</summary>
public sealed class TspRoutedPayload : TspPayload
{
    private readonly byte[] _inner;

    /// <summary>Creates the payload; at least one hop.</summary>
    public TspRoutedPayload(IReadOnlyList<string> hops, ReadOnlySpan<byte> innerMessage)
    {
        ArgumentNullException.ThrowIfNull(hops);
        if (hops.Count == 0)
        {
            throw new ArgumentException("a routed message needs at least one hop (use TspNestedPayload for none)", nameof(hops));
        }

        var copy = new string[hops.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            TspVid.Encode(hops[i], nameof(hops));
            copy[i] = hops[i];
        }

        Hops = copy;
        _inner = innerMessage.ToArray();
    }

    /// <summary>The remaining hops.</summary>
    public IReadOnlyList<string> Hops { get; }

    /// <summary>The inner message bytes.</summary>
    public ReadOnlySpan<byte> InnerMessage => _inner;

    /// <inheritdoc />
    public override string TypeCode => TspCodes.HopMessage;
}
