// Trust Spanning Protocol (ESSR: the sender VID repeated inside the payload, Rust SDK DecodedPayload).
namespace WotId.Tsp.Wire;

/// <summary>A decoded payload and the sender VID written in front of it (absent when the encoder left it out).</summary>
public sealed class TspDecodedPayload
{
    internal TspDecodedPayload(string? sender, TspPayload payload)
    {
        Sender = sender;
        Payload = payload;
    }

    /// <summary>The sender VID inside the payload, or null.</summary>
    public string? Sender { get; }

    /// <summary>The payload.</summary>
    public TspPayload Payload { get; }
}
