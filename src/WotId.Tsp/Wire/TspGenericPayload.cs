// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §9 TSP_GEN, code XSCS): upper-layer data.
using System;

namespace WotId.Tsp.Wire;

/// <summary>Application data (XSCS); wot.id carries its JSON message here.</summary>
public sealed class TspGenericPayload : TspPayload
{
    private readonly byte[] _data;

    /// <summary>Creates the payload.</summary>
    public TspGenericPayload(ReadOnlySpan<byte> data) => _data = data.ToArray();

    /// <summary>The application bytes.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <inheritdoc />
    public override string TypeCode => TspCodes.GenericMessage;
}
