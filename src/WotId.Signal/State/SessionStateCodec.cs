// Serialization of a session in the layout of libsignal's SessionStructure (proto/storage.proto):
//   1 session_version  2 local_identity_public  3 remote_identity_public  4 root_key  5 previous_counter
//   6 sender_chain  7 receiver_chains (repeated, oldest first)  9 pending_pre_key  10 remote_registration_id
//   11 local_registration_id  13 alice_base_key  14 pending_kyber_pre_key  15 pq_ratchet_state
//   Chain: 1 sender_ratchet_key  2 sender_ratchet_key_private  3 chain_key {1 index, 2 key}  4 message_keys {1 index, 5 seed}
//   PendingPreKey: 1 pre_key_id  2 base_key  3 signed_pre_key_id (int32)  4 timestamp;  PendingKyberPreKey: 1 id  2 ciphertext
// Field 15 holds WotId.Signal.Spqr's own state serialization, not libsignal's PqRatchetState.
using System;
using WotId.Core.Protobuf;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Spqr;

namespace WotId.Signal.State;

internal sealed partial class SessionState
{
    internal byte[] Serialize()
    {
        var w = new ProtobufWriter(1024);
        w.WriteUInt32(1, Version);
        w.WriteBytes(2, LocalIdentity.SerializedSpan);
        w.WriteBytes(3, RemoteIdentity.SerializedSpan);
        w.WriteBytes(4, RootKey.Span);
        w.WriteUInt32(5, PreviousCounter);
        if (HasSenderChain)
        {
            var c = new ProtobufWriter(128);
            c.WriteBytes(1, SenderRatchetKey!.SerializedSpan);
            c.WriteBytes(2, SenderRatchetPrivate!.Span);
            WriteChainKey(c, SenderChainIndex, SenderChainKey!.Span);
            w.WriteBytes(6, c.WrittenSpan);
            c.Clear();
        }

        foreach (ReceiverChain chain in ReceiverChains)
        {
            var c = new ProtobufWriter(128 + (chain.Skipped.Count * 40));
            c.WriteBytes(1, chain.RatchetKey.SerializedSpan);
            WriteChainKey(c, chain.Index, chain.ChainKey.Span);
            var k = new ProtobufWriter(48);
            foreach (SkippedKey key in chain.Skipped)
            {
                k.Clear();
                k.WriteUInt32(1, key.Index);
                k.WriteBytes(5, key.Seed);
                c.WriteBytes(4, k.WrittenSpan);
            }

            k.Clear();
            w.WriteBytes(7, c.WrittenSpan);
            c.Clear();
        }

        if (Pending is not null)
        {
            var p = new ProtobufWriter(64);
            if (Pending.PreKeyId is uint id)
            {
                p.WriteUInt32(1, id);
            }

            p.WriteBytes(2, Pending.BaseKey.SerializedSpan);
            p.WriteUInt64(3, unchecked((ulong)(long)(int)Pending.SignedPreKeyId));
            p.WriteUInt64(4, Pending.Timestamp);
            w.WriteBytes(9, p.WrittenSpan);
        }

        w.WriteUInt32(10, RemoteRegistrationId);
        w.WriteUInt32(11, LocalRegistrationId);
        if (AliceBaseKey is not null)
        {
            w.WriteBytes(13, AliceBaseKey.SerializedSpan);
        }

        if (Pending is not null)
        {
            var p = new ProtobufWriter(1600);
            p.WriteUInt32(1, Pending.KyberPreKeyId);
            p.WriteBytes(2, Pending.KyberCiphertext);
            w.WriteBytes(14, p.WrittenSpan);
        }

        w.WriteBytes(15, Spqr.Serialize());
        byte[] result = w.ToArray();
        w.Clear();
        return result;
    }

    /// <summary>Parses a stored session; any defect gives <see cref="SignalError.InvalidSessionStructure"/>.</summary>
    internal static SessionState Deserialize(ReadOnlySpan<byte> data)
    {
        try
        {
            return DeserializeCore(data);
        }
        catch (SignalProtocolException e) when (e.Error != SignalError.InvalidSessionStructure)
        {
            throw new SignalProtocolException(SignalError.InvalidSessionStructure, "invalid session structure: " + e.Message, e);
        }
        catch (SpqrException e)
        {
            throw new SignalProtocolException(SignalError.InvalidSessionStructure, "invalid SPQR state in session", e);
        }
        catch (ProtobufException e)
        {
            throw new SignalProtocolException(SignalError.InvalidSessionStructure, "invalid session structure: " + e.Message, e);
        }
    }

    private static SessionState DeserializeCore(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        uint version = 0, previousCounter = 0, remoteReg = 0, localReg = 0;
        ReadOnlySpan<byte> local = default, remote = default, root = default, sender = default, pending = default, pendingKyber = default, alice = default, pq = default;
        bool hasSender = false, hasPending = false, hasPendingKyber = false, hasAlice = false, hasPq = false;
        var receivers = new System.Collections.Generic.List<ReceiverChain>();
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: version = r.ReadUInt32(wt); break;
                case 2: local = r.ReadBytes(wt); break;
                case 3: remote = r.ReadBytes(wt); break;
                case 4: root = r.ReadBytes(wt); break;
                case 5: previousCounter = r.ReadUInt32(wt); break;
                case 6: sender = r.ReadBytes(wt); hasSender = true; break;
                case 7:
                    if (receivers.Count >= SessionLimits.MaxReceiverChains)
                    {
                        throw Bad("too many receiver chains");
                    }

                    receivers.Add(ReadReceiverChain(r.ReadBytes(wt)));
                    break;
                case 9: pending = r.ReadBytes(wt); hasPending = true; break;
                case 10: remoteReg = r.ReadUInt32(wt); break;
                case 11: localReg = r.ReadUInt32(wt); break;
                case 13: alice = r.ReadBytes(wt); hasAlice = true; break;
                case 14: pendingKyber = r.ReadBytes(wt); hasPendingKyber = true; break;
                case 15: pq = r.ReadBytes(wt); hasPq = true; break;
                default: r.Skip(wt); break;
            }
        }

        if (version != 4)
        {
            throw Bad("unsupported session version");
        }

        if (root.Length != 32 || !hasPq)
        {
            throw Bad("missing root key or SPQR state");
        }

        EcPublicKey localKey = EcPublicKey.Deserialize(local), remoteKey = EcPublicKey.Deserialize(remote);
        SpqrSession spqr = SpqrSession.Deserialize(pq);
        var state = new SessionState(localKey, remoteKey, RatchetSecret.Create(RatchetSecret.RootKeyName, root), spqr)
        {
            Version = version,
            PreviousCounter = previousCounter,
            RemoteRegistrationId = remoteReg,
            LocalRegistrationId = localReg,
            AliceBaseKey = hasAlice ? EcPublicKey.Deserialize(alice) : null,
        };
        state.ReceiverChains.AddRange(receivers);
        if (hasSender)
        {
            ReadSenderChain(state, sender);
        }

        if (hasPending != hasPendingKyber)
        {
            throw Bad("pending prekey and pending Kyber prekey: both or neither");
        }

        if (hasPending)
        {
            state.Pending = ReadPending(pending, pendingKyber);
        }

        return state;
    }

    private static void WriteChainKey(ProtobufWriter w, uint index, ReadOnlySpan<byte> key)
    {
        var ck = new ProtobufWriter(48);
        ck.WriteUInt32(1, index);
        ck.WriteBytes(2, key);
        w.WriteBytes(3, ck.WrittenSpan);
        ck.Clear();
    }

    private static (uint Index, RatchetSecret Key) ReadChainKey(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        uint index = 0;
        ReadOnlySpan<byte> key = default;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: index = r.ReadUInt32(wt); break;
                case 2: key = r.ReadBytes(wt); break;
                default: r.Skip(wt); break;
            }
        }

        return key.Length == 32 ? (index, RatchetSecret.Create(RatchetSecret.ChainKeyName, key)) : throw Bad("chain key must be 32 bytes");
    }

    private static void ReadSenderChain(SessionState state, ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        ReadOnlySpan<byte> pub = default, priv = default, ck = default;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: pub = r.ReadBytes(wt); break;
                case 2: priv = r.ReadBytes(wt); break;
                case 3: ck = r.ReadBytes(wt); break;
                default: r.Skip(wt); break;
            }
        }

        if (priv.Length != 32)
        {
            throw Bad("sender ratchet private key must be 32 bytes");
        }

        EcPublicKey senderKey = EcPublicKey.Deserialize(pub);
        (uint index, RatchetSecret key) = ReadChainKey(ck);
        state.SetSenderChain(senderKey, RatchetSecret.Create(RatchetSecret.RatchetPrivateKeyName, priv), key, index);
    }

    private static ReceiverChain ReadReceiverChain(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        ReadOnlySpan<byte> pub = default, ck = default;
        var skipped = new System.Collections.Generic.List<SkippedKey>();
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: pub = r.ReadBytes(wt); break;
                case 3: ck = r.ReadBytes(wt); break;
                case 4:
                    if (skipped.Count >= SessionLimits.MaxMessageKeys)
                    {
                        throw Bad("too many skipped keys");
                    }

                    skipped.Add(ReadSkipped(r.ReadBytes(wt)));
                    break;
                default: r.Skip(wt); break;
            }
        }

        EcPublicKey ratchetKey = EcPublicKey.Deserialize(pub);
        (uint index, RatchetSecret key) = ReadChainKey(ck);
        var chain = new ReceiverChain(ratchetKey, key, index);
        chain.Skipped.AddRange(skipped);
        return chain;
    }

    private static SkippedKey ReadSkipped(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        uint index = 0;
        ReadOnlySpan<byte> seed = default;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: index = r.ReadUInt32(wt); break;
                case 5: seed = r.ReadBytes(wt); break;
                default: r.Skip(wt); break;
            }
        }

        return seed.Length == 32 ? new SkippedKey(index, seed.ToArray()) : throw Bad("message key seed must be 32 bytes");
    }

    private static PendingPreKey ReadPending(ReadOnlySpan<byte> pending, ReadOnlySpan<byte> kyber)
    {
        var r = new ProtobufReader(pending);
        uint? preKeyId = null;
        uint spkId = 0;
        ulong ts = 0;
        ReadOnlySpan<byte> baseKey = default;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: preKeyId = r.ReadUInt32(wt); break;
                case 2: baseKey = r.ReadBytes(wt); break;
                case 3: spkId = unchecked((uint)r.ReadUInt64(wt)); break;
                case 4: ts = r.ReadUInt64(wt); break;
                default: r.Skip(wt); break;
            }
        }

        var k = new ProtobufReader(kyber);
        uint kyberId = 0;
        ReadOnlySpan<byte> ct = default;
        while (k.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: kyberId = k.ReadUInt32(wt); break;
                case 2: ct = k.ReadBytes(wt); break;
                default: k.Skip(wt); break;
            }
        }

        if (ct.Length != KyberPublicKey.CiphertextLength)
        {
            throw Bad("pending Kyber ciphertext must be 1569 bytes");
        }

        return new PendingPreKey(preKeyId, spkId, EcPublicKey.Deserialize(baseKey), ts, kyberId, ct.ToArray());
    }

    private static SignalProtocolException Bad(string what) => new(SignalError.InvalidSessionStructure, "invalid session structure: " + what);
}
