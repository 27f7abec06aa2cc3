// Trust Spanning Protocol: a signed message whose signature and payload checks passed.
namespace WotId.Tsp.Wire;

/// <summary>A verified TSP message of the wot.id signed-message profile.</summary>
public sealed class TspOpenedMessage
{
    internal TspOpenedMessage(string sender, string? receiver, TspSignatureAlgorithm algorithm, TspPayload payload)
    {
        Sender = sender;
        Receiver = receiver;
        SignatureAlgorithm = algorithm;
        Payload = payload;
    }

    /// <summary>The sender VID (its key verified the signature).</summary>
    public string Sender { get; }

    /// <summary>The receiver VID, if the message names one.</summary>
    public string? Receiver { get; }

    /// <summary>The signature algorithm.</summary>
    public TspSignatureAlgorithm SignatureAlgorithm { get; }

    /// <summary>The payload.</summary>
    public TspPayload Payload { get; }
}
