// PreKeySignalMessage (CiphertextMessageType 3): [version byte][protobuf], no outer MAC.
// libsignal rust/protocol/src/protocol.rs and proto/wire.proto.
// Fields: 1 pre_key_id (optional), 2 base_key (33 B), 3 identity_key (33 B), 4 message (a SignalMessage),
// 5 registration_id (default 0), 6 signed_pre_key_id, 7 kyber_pre_key_id, 8 kyber_ciphertext (1569 B); 7 and 8 both or neither.
using System;
using WotId.Core.Protobuf;
using WotId.Signal.Keys;

namespace WotId.Signal.Protocol;

/// <summary>A parsed or freshly built PreKeySignalMessage.</summary>
public sealed class PreKeySignalMessage
{
    private readonly byte[] _serialized;
    private readonly byte[]? _kyberCiphertext;

    private PreKeySignalMessage(
        byte version, uint registrationId, uint? preKeyId, uint signedPreKeyId, uint? kyberPreKeyId, byte[]? kyberCiphertext,
        EcPublicKey baseKey, EcPublicKey identityKey, SignalMessage message, byte[] serialized)
    {
        MessageVersion = version;
        RegistrationId = registrationId;
        PreKeyId = preKeyId;
        SignedPreKeyId = signedPreKeyId;
        KyberPreKeyId = kyberPreKeyId;
        _kyberCiphertext = kyberCiphertext;
        BaseKey = baseKey;
        IdentityKey = identityKey;
        Message = message;
        _serialized = serialized;
    }

    /// <summary>High nibble of the version byte (3 = X3DH, 4 = PQXDH).</summary>
    public byte MessageVersion { get; }

    /// <summary>The sender's registration id.</summary>
    public uint RegistrationId { get; }

    /// <summary>The one-time prekey used, if any.</summary>
    public uint? PreKeyId { get; }

    /// <summary>The signed prekey used.</summary>
    public uint SignedPreKeyId { get; }

    /// <summary>The Kyber prekey used.</summary>
    public uint? KyberPreKeyId { get; }

    /// <summary>The 1569-byte Kyber ciphertext; empty when absent.</summary>
    public ReadOnlySpan<byte> KyberCiphertext => _kyberCiphertext;

    /// <summary>The sender's base key (EK_A).</summary>
    public EcPublicKey BaseKey { get; }

    /// <summary>The sender's identity key.</summary>
    public EcPublicKey IdentityKey { get; }

    /// <summary>The wrapped SignalMessage.</summary>
    public SignalMessage Message { get; }

    /// <summary>The full serialized message.</summary>
    public ReadOnlySpan<byte> Serialized => _serialized;

    internal byte[] SerializedArray => _serialized;

    internal static PreKeySignalMessage Create(
        uint registrationId, uint? preKeyId, uint signedPreKeyId, uint kyberPreKeyId, byte[] kyberCiphertext,
        EcPublicKey baseKey, EcPublicKey identityKey, SignalMessage message)
    {
        var w = new ProtobufWriter(message.SerializedArray.Length + kyberCiphertext.Length + 120);
        w.WriteRaw([(byte)((SignalMessage.CurrentVersion << 4) | SignalMessage.CurrentVersion)]);
        if (preKeyId is uint id)
        {
            w.WriteUInt32(1, id);
        }

        w.WriteBytes(2, baseKey.SerializedSpan);
        w.WriteBytes(3, identityKey.SerializedSpan);
        w.WriteBytes(4, message.SerializedArray);
        w.WriteUInt32(5, registrationId);
        w.WriteUInt32(6, signedPreKeyId);
        w.WriteUInt32(7, kyberPreKeyId);
        w.WriteBytes(8, kyberCiphertext);
        return new PreKeySignalMessage(
            SignalMessage.CurrentVersion, registrationId, preKeyId, signedPreKeyId, kyberPreKeyId, kyberCiphertext,
            baseKey, identityKey, message, w.ToArray());
    }

    /// <summary>Parses a PreKeySignalMessage (and the SignalMessage inside); throws <see cref="SignalProtocolException"/> on malformed input.</summary>
    public static PreKeySignalMessage Deserialize(ReadOnlySpan<byte> data)
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

    private static PreKeySignalMessage DeserializeCore(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "PreKeySignalMessage too short");
        }

        byte version = SignalMessage.CheckVersion(data[0]);
        var r = new ProtobufReader(data[1..]);
        uint? preKeyId = null, signedPreKeyId = null, kyberId = null;
        uint registrationId = 0;
        ReadOnlySpan<byte> baseKey = default, identityKey = default, message = default, kyberCt = default;
        bool hasBase = false, hasIdentity = false, hasMessage = false, hasKyberCt = false;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: preKeyId = r.ReadUInt32(wt); break;
                case 2: baseKey = r.ReadBytes(wt); hasBase = true; break;
                case 3: identityKey = r.ReadBytes(wt); hasIdentity = true; break;
                case 4: message = r.ReadBytes(wt); hasMessage = true; break;
                case 5: registrationId = r.ReadUInt32(wt); break;
                case 6: signedPreKeyId = r.ReadUInt32(wt); break;
                case 7: kyberId = r.ReadUInt32(wt); break;
                case 8: kyberCt = r.ReadBytes(wt); hasKyberCt = true; break;
                default: r.Skip(wt); break;
            }
        }

        if (!hasBase || !hasIdentity || !hasMessage || signedPreKeyId is null)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "PreKeySignalMessage lacks a required field");
        }

        if (kyberId.HasValue != hasKyberCt)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "Kyber prekey id and ciphertext: both or neither");
        }

        if (version >= 4 && !hasKyberCt)
        {
            throw new SignalProtocolException(SignalError.MissingKyberPreKey, "Kyber pre key must be present for this session version");
        }

        if (hasKyberCt && (kyberCt.Length != KyberPublicKey.CiphertextLength || kyberCt[0] != KyberPublicKey.Kyber1024Type))
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "Kyber ciphertext must be 1569 bytes of type 0x08");
        }

        return new PreKeySignalMessage(
            version, registrationId, preKeyId, signedPreKeyId.Value, kyberId, hasKyberCt ? kyberCt.ToArray() : null,
            EcPublicKey.Deserialize(baseKey), EcPublicKey.Deserialize(identityKey), SignalMessage.Deserialize(message), data.ToArray());
    }

    /// <summary>Ids and size only.</summary>
    public override string ToString() =>
        $"PreKeySignalMessage(v{MessageVersion}, spk {SignedPreKeyId}, kyber {KyberPreKeyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, {_serialized.Length} bytes)";
}
