// Braid send step (SparsePostQuantumRatchet src/v1/chunked/states.rs `States::send`): every outgoing message
// carries the next chunk of whatever this state is sending, or None / Ct1Ack.

using System.Security.Cryptography;
using WotId.Signal.Spqr.Erasure;
using WotId.Signal.Spqr.MlKem;

namespace WotId.Signal.Spqr.Braid;

internal sealed partial class BraidState
{
    /// <summary>True when the next <see cref="Send"/> yields an epoch secret (the first ct1 chunk).</summary>
    public bool SendCompletesEpoch => Kind == BraidKind.HeaderReceived;

    public BraidSendOutput Send(RandomNumberGenerator rng)
    {
        switch (Kind)
        {
            case BraidKind.KeysUnsampled:
                {
                    (byte[] hdr, byte[] ek, byte[] dk) = IncrementalMlKem768.Generate(rng);
                    byte[] mac = Auth.MacHeader(Epoch, hdr);
                    Become(BraidKind.KeysSampled);
                    Ek = ek;
                    Dk = dk;
                    Encoder = new PolyEncoder([.. hdr, .. mac]);
                    return Output(SpqrMessageType.Hdr);
                }

            case BraidKind.KeysSampled:
                return Output(SpqrMessageType.Hdr);
            case BraidKind.HeaderSent:
                return Output(SpqrMessageType.Ek);
            case BraidKind.Ct1Received:
                return Output(SpqrMessageType.EkCt1Ack);
            case BraidKind.EkSentCt1Received:
                return new BraidSendOutput(Epoch, SpqrMessageType.Ct1Ack, default, null);
            case BraidKind.NoHeaderReceived:
            case BraidKind.Ct1Acknowledged:
                return new BraidSendOutput(Epoch, SpqrMessageType.None, default, null);
            case BraidKind.HeaderReceived:
                {
                    byte[] hdr = Hdr!;
                    PolyDecoder receivingEk = Decoder!;
                    (byte[] ct1, byte[] state, byte[] sharedSecret) = IncrementalMlKem768.Encapsulate1(hdr, rng);
                    byte[] secret = SckaKey(Epoch, sharedSecret);
                    CryptographicOperations.ZeroMemory(sharedSecret);
                    Auth.Update(Epoch, secret);
                    Become(BraidKind.Ct1Sampled);
                    Hdr = hdr;
                    EncapsulationState = state;
                    Ct1 = ct1;
                    Decoder = receivingEk;
                    Encoder = new PolyEncoder(ct1);
                    return new BraidSendOutput(Epoch, SpqrMessageType.Ct1, Encoder.NextChunk(), new EpochSecret(Epoch, secret));
                }

            case BraidKind.Ct1Sampled:
            case BraidKind.EkReceivedCt1Sampled:
                return Output(SpqrMessageType.Ct1);
            case BraidKind.Ct2Sampled:
                return Output(SpqrMessageType.Ct2);
            default:
                throw new SpqrException(SpqrError.Malformed, "unknown braid state");
        }
    }

    private BraidSendOutput Output(SpqrMessageType type)
    {
        return new BraidSendOutput(Epoch, type, Encoder!.NextChunk(), null);
    }

    /// <summary>send_ct2 (unchunked Ct1SentEkReceived::send_ct2): ct2 and its MAC, then Ct2Sampled.</summary>
    private void SendCt2(byte[] ek)
    {
        byte[] ct1 = Ct1!;
        byte[] ct2 = IncrementalMlKem768.Encapsulate2(ek, EncapsulationState!);
        byte[] mac = Auth.MacCiphertext(Epoch, ct1, ct2);
        Become(BraidKind.Ct2Sampled);
        Encoder = new PolyEncoder([.. ct2, .. mac]);
    }
}
