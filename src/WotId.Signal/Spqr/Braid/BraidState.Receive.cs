// Braid receive step (SparsePostQuantumRatchet src/v1/chunked/states.rs `States::recv`): a message from a
// lower epoch, or of a type the state does not expect, changes nothing; a higher epoch is EpochOutOfRange,
// except that Ct2Sampled moves to the next epoch (role swap) on epoch + 1.

using System;
using WotId.Signal.Spqr.Erasure;
using WotId.Signal.Spqr.MlKem;

namespace WotId.Signal.Spqr.Braid;

internal sealed partial class BraidState
{
    /// <summary>True when <see cref="Receive"/> would change this state (or throw); false when it ignores the message.</summary>
    public bool WouldChange(in SpqrMessage message)
    {
        if (message.Epoch != Epoch)
        {
            return message.Epoch > Epoch;
        }

        SpqrMessageType type = message.Type;
        return Kind switch
        {
            BraidKind.KeysSampled or BraidKind.HeaderSent => type == SpqrMessageType.Ct1,
            BraidKind.Ct1Received or BraidKind.EkSentCt1Received => type == SpqrMessageType.Ct2,
            BraidKind.NoHeaderReceived => type == SpqrMessageType.Hdr,
            BraidKind.Ct1Sampled or BraidKind.Ct1Acknowledged => type is SpqrMessageType.Ek or SpqrMessageType.EkCt1Ack,
            BraidKind.EkReceivedCt1Sampled => type is SpqrMessageType.Ct1Ack or SpqrMessageType.EkCt1Ack,
            _ => false,
        };
    }

    /// <summary>Applies one incoming message; returns the epoch secret when this message completed an epoch.</summary>
    /// <exception cref="SpqrException">EpochOutOfRange, MacVerifyFailed or ErroneousDataReceived; the caller discards this object then.</exception>
    public EpochSecret? Receive(in SpqrMessage message)
    {
        if (message.Epoch > Epoch)
        {
            if (Kind == BraidKind.Ct2Sampled && message.Epoch == Epoch + 1)
            {
                Authenticator auth = Auth;
                Become(BraidKind.KeysUnsampled);
                Epoch++;
                Auth = auth;
                return null;
            }

            throw new SpqrException(SpqrError.EpochOutOfRange);
        }

        if (message.Epoch < Epoch)
        {
            return null;
        }

        SpqrMessageType type = message.Type;
        Chunk chunk = message.Chunk;
        switch (Kind)
        {
            case BraidKind.KeysSampled when type == SpqrMessageType.Ct1:
                {
                    byte[] dk = Dk!;
                    byte[] ek = Ek!;
                    var receivingCt1 = new PolyDecoder(IncrementalMlKem768.Ciphertext1Bytes);
                    receivingCt1.AddChunk(chunk);
                    Become(BraidKind.HeaderSent);
                    Dk = dk;
                    Decoder = receivingCt1;
                    Encoder = new PolyEncoder(ek);
                    return null;
                }

            case BraidKind.HeaderSent when type == SpqrMessageType.Ct1:
                {
                    Decoder!.AddChunk(chunk);
                    byte[]? ct1 = Decoder.DecodedMessage();
                    if (ct1 is not null)
                    {
                        byte[] dk = Dk!;
                        PolyEncoder sendingEk = Encoder!;
                        Become(BraidKind.Ct1Received);
                        Dk = dk;
                        Ct1 = ct1;
                        Encoder = sendingEk;
                    }

                    return null;
                }

            case BraidKind.Ct1Received when type == SpqrMessageType.Ct2:
                {
                    byte[] dk = Dk!;
                    byte[] ct1 = Ct1!;
                    var receivingCt2 = new PolyDecoder(Ct2PayloadBytes);
                    receivingCt2.AddChunk(chunk);
                    Become(BraidKind.EkSentCt1Received);
                    Dk = dk;
                    Ct1 = ct1;
                    Decoder = receivingCt2;
                    return null;
                }

            case BraidKind.EkSentCt1Received when type == SpqrMessageType.Ct2:
                return ReceiveCt2Chunk(chunk);
            case BraidKind.NoHeaderReceived when type == SpqrMessageType.Hdr:
                {
                    Decoder!.AddChunk(chunk);
                    byte[]? payload = Decoder.DecodedMessage();
                    if (payload is not null)
                    {
                        byte[] hdr = payload[..IncrementalMlKem768.HeaderBytes];
                        if (!Auth.VerifyHeader(Epoch, hdr, payload.AsSpan(IncrementalMlKem768.HeaderBytes)))
                        {
                            throw new SpqrException(SpqrError.MacVerifyFailed, "header MAC");
                        }

                        Become(BraidKind.HeaderReceived);
                        Hdr = hdr;
                        Decoder = new PolyDecoder(IncrementalMlKem768.EncapsulationKeyBytes);
                    }

                    return null;
                }

            case BraidKind.Ct1Sampled when type is SpqrMessageType.Ek or SpqrMessageType.EkCt1Ack:
                ReceiveEkChunk(chunk, acknowledged: type == SpqrMessageType.EkCt1Ack, stillSending: true);
                return null;
            case BraidKind.Ct1Acknowledged when type is SpqrMessageType.Ek or SpqrMessageType.EkCt1Ack:
                ReceiveEkChunk(chunk, acknowledged: true, stillSending: false);
                return null;
            case BraidKind.EkReceivedCt1Sampled when type is SpqrMessageType.Ct1Ack or SpqrMessageType.EkCt1Ack:
                SendCt2(Ek!);
                return null;
            default:
                return null;
        }
    }

    private EpochSecret? ReceiveCt2Chunk(Chunk chunk)
    {
        Decoder!.AddChunk(chunk);
        byte[]? payload = Decoder.DecodedMessage();
        if (payload is null)
        {
            return null;
        }

        ReadOnlySpan<byte> ct2 = payload.AsSpan(0, IncrementalMlKem768.Ciphertext2Bytes);
        ReadOnlySpan<byte> mac = payload.AsSpan(IncrementalMlKem768.Ciphertext2Bytes);
        byte[] sharedSecret = IncrementalMlKem768.Decapsulate(Dk!, Ct1!, ct2);
        byte[] secret = SckaKey(Epoch, sharedSecret);
        Array.Clear(sharedSecret);
        Authenticator auth = Auth;
        auth.Update(Epoch, secret);
        if (!auth.VerifyCiphertext(Epoch, Ct1!, ct2, mac))
        {
            throw new SpqrException(SpqrError.MacVerifyFailed, "ciphertext MAC");
        }

        ulong epoch = Epoch;
        Become(BraidKind.NoHeaderReceived);
        Epoch = epoch + 1;
        Auth = auth;
        Decoder = new PolyDecoder(HeaderPayloadBytes);
        return new EpochSecret(epoch, secret);
    }

    /// <summary>Ct1Sampled / Ct1Acknowledged receiving an Ek or EkCt1Ack chunk.</summary>
    private void ReceiveEkChunk(Chunk chunk, bool acknowledged, bool stillSending)
    {
        Decoder!.AddChunk(chunk);
        byte[]? ek = Decoder.DecodedMessage();
        if (ek is not null)
        {
            if (!IncrementalMlKem768.EncapsulationKeyMatchesHeader(ek, Hdr!))
            {
                throw new SpqrException(SpqrError.ErroneousDataReceived, "encapsulation key does not match header");
            }

            if (acknowledged)
            {
                SendCt2(ek);
                return;
            }

            byte[] state = EncapsulationState!;
            byte[] ct1 = Ct1!;
            PolyEncoder sendingCt1 = Encoder!;
            Become(BraidKind.EkReceivedCt1Sampled);
            EncapsulationState = state;
            Ek = ek;
            Ct1 = ct1;
            Encoder = sendingCt1;
            return;
        }

        if (acknowledged && stillSending)
        {
            byte[] hdr = Hdr!;
            byte[] state = EncapsulationState!;
            byte[] ct1 = Ct1!;
            PolyDecoder receivingEk = Decoder;
            Become(BraidKind.Ct1Acknowledged);
            Hdr = hdr;
            EncapsulationState = state;
            Ct1 = ct1;
            Decoder = receivingEk;
        }
    }
}
