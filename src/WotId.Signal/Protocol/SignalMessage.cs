// SignalMessage (CiphertextMessageType 2): [version byte][protobuf][8-byte truncated HMAC-SHA256]
// libsignal rust/protocol/src/protocol.rs and proto/wire.proto.
// Fields: 1 ratchet_key (33 B, required), 2 counter (required, written even when 0), 3 previous_counter,
// 4 ciphertext (required), 5 pq_ratchet (SPQR message), 6 addresses (read and kept, never written).
using System;
using System.Security.Cryptography;
using WotId.Core.Protobuf;
using WotId.Crypto;
using WotId.Signal.Keys;

namespace WotId.Signal.Protocol;

/// <summary>A parsed or freshly built SignalMessage.</summary>
public sealed class SignalMessage
{
    /// <summary>Length of the truncated MAC.</summary>
    public const int MacLength = 8;

    /// <summary>The only message version this implementation produces (PQXDH sessions).</summary>
    public const byte CurrentVersion = 4;

    private readonly byte[] _serialized;
    private readonly byte[] _ciphertext;
    private readonly byte[] _pqRatchet;

    private SignalMessage(byte version, EcPublicKey ratchetKey, uint counter, uint previousCounter, byte[] ciphertext, byte[] pqRatchet, byte[] serialized)
    {
        MessageVersion = version;
        SenderRatchetKey = ratchetKey;
        Counter = counter;
        PreviousCounter = previousCounter;
        _ciphertext = ciphertext;
        _pqRatchet = pqRatchet;
        _serialized = serialized;
    }

    /// <summary>High nibble of the version byte.</summary>
    public byte MessageVersion { get; }

    /// <summary>The sender's current ratchet public key.</summary>
    public EcPublicKey SenderRatchetKey { get; }

    /// <summary>Index of this message in the sender's chain.</summary>
    public uint Counter { get; }

    /// <summary>Length of the sender's previous chain minus one (informational).</summary>
    public uint PreviousCounter { get; }

    /// <summary>AES-256-CBC body.</summary>
    public ReadOnlySpan<byte> Ciphertext => _ciphertext;

    /// <summary>SPQR message (field 5); empty when absent.</summary>
    public ReadOnlySpan<byte> PqRatchet => _pqRatchet;

    /// <summary>The full serialized message.</summary>
    public ReadOnlySpan<byte> Serialized => _serialized;

    internal byte[] SerializedArray => _serialized;

    /// <summary>Builds and MACs a message.</summary>
    internal static SignalMessage Create(
        ReadOnlySpan<byte> macKey,
        EcPublicKey ratchetKey,
        uint counter,
        uint previousCounter,
        byte[] ciphertext,
        byte[] pqRatchet,
        EcPublicKey senderIdentity,
        EcPublicKey receiverIdentity)
    {
        var w = new ProtobufWriter(ciphertext.Length + pqRatchet.Length + 64);
        w.WriteRaw([(byte)((CurrentVersion << 4) | CurrentVersion)]);
        w.WriteBytes(1, ratchetKey.SerializedSpan);
        w.WriteUInt32(2, counter);
        w.WriteUInt32(3, previousCounter);
        w.WriteBytes(4, ciphertext);
        if (pqRatchet.Length > 0)
        {
            w.WriteBytes(5, pqRatchet);
        }

        int bodyLength = w.Length;
        byte[] serialized = new byte[bodyLength + MacLength];
        w.WrittenSpan.CopyTo(serialized);
        ComputeMac(macKey, senderIdentity, receiverIdentity, serialized.AsSpan(0, bodyLength), serialized.AsSpan(bodyLength));
        return new SignalMessage(CurrentVersion, ratchetKey, counter, previousCounter, ciphertext, pqRatchet, serialized);
    }

    /// <summary>Parses a SignalMessage; throws <see cref="SignalProtocolException"/> on malformed input. The MAC is not checked here.</summary>
    public static SignalMessage Deserialize(ReadOnlySpan<byte> data)
    {
        try
        {
            return DeserializeCore(data);
        }
        catch (ProtobufException e)
        {
            throw SignalProtobuf.Invalid(e);
        }
    }

    private static SignalMessage DeserializeCore(ReadOnlySpan<byte> data)
    {
        if (data.Length < MacLength + 1)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "SignalMessage too short");
        }

        byte version = CheckVersion(data[0]);
        var r = new ProtobufReader(data[1..^MacLength]);
        ReadOnlySpan<byte> ratchetKey = default, ciphertext = default, pq = default;
        bool hasKey = false, hasCounter = false, hasCiphertext = false;
        uint counter = 0, previous = 0;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: ratchetKey = r.ReadBytes(wt); hasKey = true; break;
                case 2: counter = r.ReadUInt32(wt); hasCounter = true; break;
                case 3: previous = r.ReadUInt32(wt); break;
                case 4: ciphertext = r.ReadBytes(wt); hasCiphertext = true; break;
                case 5: pq = r.ReadBytes(wt); break;
                default: r.Skip(wt); break;
            }
        }

        if (!hasKey || !hasCounter || !hasCiphertext)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "SignalMessage lacks a required field");
        }

        return new SignalMessage(version, EcPublicKey.Deserialize(ratchetKey), counter, previous, ciphertext.ToArray(), pq.ToArray(), data.ToArray());
    }

    /// <summary>Checks the truncated MAC (constant time) over the bytes as received.</summary>
    internal bool VerifyMac(ReadOnlySpan<byte> macKey, EcPublicKey senderIdentity, EcPublicKey receiverIdentity)
    {
        Span<byte> mac = stackalloc byte[MacLength];
        ComputeMac(macKey, senderIdentity, receiverIdentity, _serialized.AsSpan(0, _serialized.Length - MacLength), mac);
        return CryptographicOperations.FixedTimeEquals(mac, _serialized.AsSpan(_serialized.Length - MacLength));
    }

    internal static byte CheckVersion(byte versionByte)
    {
        int version = versionByte >> 4;
        if (version < 3)
        {
            throw new SignalProtocolException(SignalError.LegacyCiphertextVersion, "legacy ciphertext version " + version);
        }

        if (version > CurrentVersion)
        {
            throw new SignalProtocolException(SignalError.UnrecognizedCiphertextVersion, "unrecognized ciphertext version " + version);
        }

        return (byte)version;
    }

    private static void ComputeMac(ReadOnlySpan<byte> macKey, EcPublicKey sender, EcPublicKey receiver, ReadOnlySpan<byte> message, Span<byte> mac8)
    {
        byte[] input = new byte[66 + message.Length];
        sender.SerializedSpan.CopyTo(input);
        receiver.SerializedSpan.CopyTo(input.AsSpan(33));
        message.CopyTo(input.AsSpan(66));
        Span<byte> full = stackalloc byte[32];
        HmacSha256.Compute(macKey, input, full);
        full[..MacLength].CopyTo(mac8);
    }

    /// <summary>Counter, version and size only.</summary>
    public override string ToString() => $"SignalMessage(v{MessageVersion}, counter {Counter}, {_serialized.Length} bytes)";
}
