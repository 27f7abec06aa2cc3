// The SPQR V1 braid (SparsePostQuantumRatchet src/v1/chunked/{states,send_ek,send_ct}.rs and
// src/v1/unchunked/{send_ek,send_ct}.rs; spec: signal.org/docs/specifications/mlkembraid). One object holds
// whichever fields the current state needs. The A2B side starts as the send_ek party (KeysUnsampled), the
// B2A side as the send_ct party (NoHeaderReceived); roles swap after every epoch.

using System;
using System.Buffers.Binary;
using System.Text;
using WotId.Signal.Spqr.Erasure;
using WotId.Signal.Spqr.MlKem;

namespace WotId.Signal.Spqr.Braid;

internal sealed partial class BraidState
{
    public const int HeaderPayloadBytes = IncrementalMlKem768.HeaderBytes + Authenticator.MacSize;
    public const int Ct2PayloadBytes = IncrementalMlKem768.Ciphertext2Bytes + Authenticator.MacSize;

    private static readonly byte[] s_sckaKeyLabel = Encoding.ASCII.GetBytes("Signal_PQCKA_V1_MLKEM768:SCKA Key");

    private BraidState(BraidKind kind, ulong epoch, Authenticator auth)
    {
        Kind = kind;
        Epoch = epoch;
        Auth = auth;
    }

    public BraidKind Kind { get; private set; }

    public ulong Epoch { get; private set; }

    public Authenticator Auth { get; private set; }

    /// <summary>send_ek: the 2400-byte decapsulation key of this epoch.</summary>
    public byte[]? Dk { get; private set; }

    /// <summary>send_ek: the ek part still to be sent (KeysSampled); send_ct: the received ek.</summary>
    public byte[]? Ek { get; private set; }

    /// <summary>send_ct: the received header ρ ‖ H(ek).</summary>
    public byte[]? Hdr { get; private set; }

    /// <summary>ct1 (sent by send_ct, received by send_ek).</summary>
    public byte[]? Ct1 { get; private set; }

    /// <summary>send_ct: the incremental encapsulation state between ct1 and ct2.</summary>
    public byte[]? EncapsulationState { get; private set; }

    public PolyEncoder? Encoder { get; private set; }

    public PolyDecoder? Decoder { get; private set; }

    public static BraidState Initial(SpqrDirection direction, ReadOnlySpan<byte> authKey)
    {
        Authenticator auth = Authenticator.Create(authKey, 1);
        if (direction == SpqrDirection.A2B)
        {
            return new BraidState(BraidKind.KeysUnsampled, 1, auth);
        }

        return new BraidState(BraidKind.NoHeaderReceived, 1, auth) { Decoder = new PolyDecoder(HeaderPayloadBytes) };
    }

    public static BraidState Restore(
        BraidKind kind,
        ulong epoch,
        Authenticator auth,
        byte[]? hdr,
        byte[]? ek,
        byte[]? dk,
        byte[]? ct1,
        byte[]? encapsulationState,
        PolyEncoder? encoder,
        PolyDecoder? decoder)
    {
        return new BraidState(kind, epoch, auth)
        {
            Hdr = hdr,
            Ek = ek,
            Dk = dk,
            Ct1 = ct1,
            EncapsulationState = encapsulationState,
            Encoder = encoder,
            Decoder = decoder,
        };
    }

    public void Write(SpqrStateWriter writer)
    {
        BraidStateSerializer.Write(this, writer);
    }

    public static BraidState Read(ref SpqrStateReader reader)
    {
        return BraidStateSerializer.Read(ref reader);
    }

    public BraidState Clone()
    {
        return new BraidState(Kind, Epoch, Auth.Clone())
        {
            Dk = Dk,
            Ek = Ek,
            Hdr = Hdr,
            Ct1 = Ct1,
            EncapsulationState = EncapsulationState,
            Encoder = Encoder?.Clone(),
            Decoder = Decoder?.Clone(),
        };
    }

    public static byte[] SckaKey(ulong epoch, ReadOnlySpan<byte> sharedSecret)
    {
        byte[] info = new byte[s_sckaKeyLabel.Length + 8];
        s_sckaKeyLabel.CopyTo(info, 0);
        BinaryPrimitives.WriteUInt64BigEndian(info.AsSpan(s_sckaKeyLabel.Length), epoch);
        byte[] secret = new byte[32];
        SpqrPrimitives.Hkdf(default, sharedSecret, info, secret);
        return secret;
    }

    /// <summary>Moves to <paramref name="kind"/>, dropping every field (callers set what the new state keeps).</summary>
    private void Become(BraidKind kind)
    {
        Kind = kind;
        Dk = null;
        Ek = null;
        Hdr = null;
        Ct1 = null;
        EncapsulationState = null;
        Encoder = null;
        Decoder = null;
    }
}
