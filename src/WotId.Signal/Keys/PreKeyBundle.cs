// PreKeyBundle: what an initiator needs to start PQXDH (libsignal rust/protocol/src/state/bundle.rs).
// libsignal defines no wire form; this project serializes it as a protobuf message of its own:
//   1 registration_id  2 device_id  3 pre_key_id  4 pre_key (33 B)  5 signed_pre_key_id  6 signed_pre_key (33 B)
//   7 signed_pre_key_signature (64 B)  8 identity_key (33 B)  9 kyber_pre_key_id  10 kyber_pre_key (1569 B)
//   11 kyber_pre_key_signature (64 B).   Fields 3/4 are both present or both absent; all others are required.
using System;
using WotId.Core.Protobuf;
using WotId.Signal.Protocol;

namespace WotId.Signal.Keys;

/// <summary>A party's published prekeys. The Kyber prekey is mandatory (X3DH is gone); the one-time EC prekey is optional.</summary>
public sealed class PreKeyBundle
{
    /// <summary>Creates a bundle; checks the field rules (device id 1..127, one-time prekey id and key both or neither).</summary>
    public PreKeyBundle(
        uint registrationId,
        uint deviceId,
        uint? preKeyId,
        EcPublicKey? preKey,
        uint signedPreKeyId,
        EcPublicKey signedPreKey,
        byte[] signedPreKeySignature,
        EcPublicKey identityKey,
        uint kyberPreKeyId,
        KyberPublicKey kyberPreKey,
        byte[] kyberPreKeySignature)
    {
        if (preKeyId.HasValue != (preKey is not null))
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "one-time prekey id and key: must supply both or neither");
        }

        if (deviceId is < 1 or > 127)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "device id must be 1..127");
        }

        if (signedPreKeySignature is not { Length: 64 } || kyberPreKeySignature is not { Length: 64 })
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "prekey signatures must be 64 bytes");
        }

        RegistrationId = registrationId;
        DeviceId = deviceId;
        PreKeyId = preKeyId;
        PreKey = preKey;
        SignedPreKeyId = signedPreKeyId;
        SignedPreKey = signedPreKey ?? throw new ArgumentNullException(nameof(signedPreKey));
        SignedPreKeySignature = signedPreKeySignature;
        IdentityKey = identityKey ?? throw new ArgumentNullException(nameof(identityKey));
        KyberPreKeyId = kyberPreKeyId;
        KyberPreKey = kyberPreKey ?? throw new ArgumentNullException(nameof(kyberPreKey));
        KyberPreKeySignature = kyberPreKeySignature;
    }

    /// <summary>The owner's registration id.</summary>
    public uint RegistrationId { get; }

    /// <summary>The owner's device id (1..127).</summary>
    public uint DeviceId { get; }

    /// <summary>One-time prekey id, if any.</summary>
    public uint? PreKeyId { get; }

    /// <summary>One-time prekey, if any.</summary>
    public EcPublicKey? PreKey { get; }

    /// <summary>Signed prekey id.</summary>
    public uint SignedPreKeyId { get; }

    /// <summary>Signed prekey.</summary>
    public EcPublicKey SignedPreKey { get; }

    /// <summary>XEdDSA signature over the signed prekey's 33-byte form.</summary>
    public byte[] SignedPreKeySignature { get; }

    /// <summary>The owner's identity key.</summary>
    public EcPublicKey IdentityKey { get; }

    /// <summary>Kyber prekey id.</summary>
    public uint KyberPreKeyId { get; }

    /// <summary>Kyber-1024 prekey.</summary>
    public KyberPublicKey KyberPreKey { get; }

    /// <summary>XEdDSA signature over the Kyber prekey's 1569-byte form.</summary>
    public byte[] KyberPreKeySignature { get; }

    /// <summary>The bundle as the protobuf message described at the top of this file.</summary>
    public byte[] Serialize()
    {
        var w = new ProtobufWriter(1800);
        w.WriteUInt32(1, RegistrationId);
        w.WriteUInt32(2, DeviceId);
        if (PreKeyId is uint id && PreKey is not null)
        {
            w.WriteUInt32(3, id);
            w.WriteBytes(4, PreKey.SerializedSpan);
        }

        w.WriteUInt32(5, SignedPreKeyId);
        w.WriteBytes(6, SignedPreKey.SerializedSpan);
        w.WriteBytes(7, SignedPreKeySignature);
        w.WriteBytes(8, IdentityKey.SerializedSpan);
        w.WriteUInt32(9, KyberPreKeyId);
        w.WriteBytes(10, KyberPreKey.SerializedSpan);
        w.WriteBytes(11, KyberPreKeySignature);
        return w.ToArray();
    }

    /// <summary>Parses <see cref="Serialize"/>'s output; throws <see cref="SignalProtocolException"/> on any defect.</summary>
    public static PreKeyBundle Deserialize(ReadOnlySpan<byte> data)
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

    private static PreKeyBundle DeserializeCore(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        uint? regId = null, deviceId = null, preKeyId = null, spkId = null, kyberId = null;
        ReadOnlySpan<byte> preKey = default, spk = default, spkSig = default, ik = default, kyber = default, kyberSig = default;
        bool hasPreKey = false, hasSpk = false, hasIk = false, hasKyber = false;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: regId = r.ReadUInt32(wt); break;
                case 2: deviceId = r.ReadUInt32(wt); break;
                case 3: preKeyId = r.ReadUInt32(wt); break;
                case 4: preKey = r.ReadBytes(wt); hasPreKey = true; break;
                case 5: spkId = r.ReadUInt32(wt); break;
                case 6: spk = r.ReadBytes(wt); hasSpk = true; break;
                case 7: spkSig = r.ReadBytes(wt); break;
                case 8: ik = r.ReadBytes(wt); hasIk = true; break;
                case 9: kyberId = r.ReadUInt32(wt); break;
                case 10: kyber = r.ReadBytes(wt); hasKyber = true; break;
                case 11: kyberSig = r.ReadBytes(wt); break;
                default: r.Skip(wt); break;
            }
        }

        if (regId is null || deviceId is null || spkId is null || !hasSpk || !hasIk)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "bundle lacks a required field");
        }

        if (kyberId is null || !hasKyber)
        {
            throw new SignalProtocolException(SignalError.MissingKyberPreKey, "bundle lacks the Kyber prekey");
        }

        return new PreKeyBundle(
            regId.Value,
            deviceId.Value,
            preKeyId,
            hasPreKey ? EcPublicKey.Deserialize(preKey) : null,
            spkId.Value,
            EcPublicKey.Deserialize(spk),
            spkSig.ToArray(),
            EcPublicKey.Deserialize(ik),
            kyberId.Value,
            KyberPublicKey.Deserialize(kyber),
            kyberSig.ToArray());
    }

    /// <summary>Ids and identity only (public data).</summary>
    public override string ToString() =>
        $"PreKeyBundle(reg {RegistrationId}, device {DeviceId}, identity {IdentityKey}, spk {SignedPreKeyId}, kyber {KyberPreKeyId}, opk {PreKeyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})";
}
