// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §4 nested mode; code XHOP with an empty hop list -JAA).
using System;

namespace WotId.Tsp.Wire;

/// <summary>A whole inner TSP message carried inside this one (XHOP -JAA).</summary>
public sealed class TspNestedPayload : TspPayload
{
    private readonly byte[] _inner;

    /// <summary>Creates the payload.</summary>
    public TspNestedPayload(ReadOnlySpan<byte> innerMessage) => _inner = innerMessage.ToArray();

    /// <summary>The inner message bytes.</summary>
    public ReadOnlySpan<byte> InnerMessage => _inner;

    /// <inheritdoc />
    public override string TypeCode => TspCodes.HopMessage;
}
