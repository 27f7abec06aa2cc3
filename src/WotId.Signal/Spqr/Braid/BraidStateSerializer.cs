// Serialization of the SPQR braid state (the fields of SparsePostQuantumRatchet src/proto/pq_ratchet.proto
// `V1State`, in the project's own bounded layout). Every field has a fixed, state-determined size; decoder
// point lists are bounded by twice the points each polynomial needs.

using System;
using WotId.Signal.Spqr.Erasure;
using WotId.Signal.Spqr.MlKem;

namespace WotId.Signal.Spqr.Braid;

internal static class BraidStateSerializer
{
    /// <summary>Largest epoch accepted from storage (keeps epoch + 1 far from overflow).</summary>
    private const ulong MaxEpoch = 1UL << 62;

    public static void Write(BraidState state, SpqrStateWriter writer)
    {
        writer.WriteByte((byte)state.Kind);
        writer.WriteUInt64(state.Epoch);
        writer.WriteFixed(state.Auth.RootKey);
        writer.WriteFixed(state.Auth.MacKey);
        WriteOptional(state.Hdr, writer);
        WriteOptional(state.Ek, writer);
        WriteOptional(state.Dk, writer);
        WriteOptional(state.Ct1, writer);
        WriteOptional(state.EncapsulationState, writer);
        if (state.Encoder is not null)
        {
            writer.WriteFixed(state.Encoder.Payload);
            writer.WriteUInt32(state.Encoder.NextIndex);
        }

        if (state.Decoder is not null)
        {
            for (int p = 0; p < PolyDecoder.Polys; p++)
            {
                var points = state.Decoder.PointsOf(p);
                writer.WriteUInt16((ushort)points.Count);
                foreach ((ushort x, ushort y) in points)
                {
                    writer.WriteUInt16(x);
                    writer.WriteUInt16(y);
                }
            }
        }
    }

    public static BraidState Read(ref SpqrStateReader reader)
    {
        byte kindByte = reader.ReadByte();
        if (kindByte is < (byte)BraidKind.KeysUnsampled or > (byte)BraidKind.Ct2Sampled)
        {
            throw SpqrStateReader.Malformed("bad braid state");
        }

        var kind = (BraidKind)kindByte;
        ulong epoch = reader.ReadUInt64();
        if (epoch == 0 || epoch > MaxEpoch)
        {
            throw SpqrStateReader.Malformed("bad braid epoch");
        }

        var auth = new Authenticator(reader.ReadFixed(32), reader.ReadFixed(32));
        Layout layout = LayoutOf(kind);
        byte[]? hdr = layout.Hdr ? reader.ReadFixed(IncrementalMlKem768.HeaderBytes) : null;
        byte[]? ek = layout.Ek ? reader.ReadFixed(IncrementalMlKem768.EncapsulationKeyBytes) : null;
        byte[]? dk = layout.Dk ? reader.ReadFixed(IncrementalMlKem768.DecapsulationKeyBytes) : null;
        byte[]? ct1 = layout.Ct1 ? reader.ReadFixed(IncrementalMlKem768.Ciphertext1Bytes) : null;
        byte[]? es = layout.EncapsulationState ? reader.ReadFixed(IncrementalMlKem768.EncapsulationStateBytes) : null;
        if (es is not null && !IncrementalMlKem768.IsValidState(es))
        {
            throw SpqrStateReader.Malformed("bad encapsulation state");
        }

        PolyEncoder? encoder = null;
        if (layout.EncoderBytes > 0)
        {
            byte[] payload = reader.ReadFixed(layout.EncoderBytes);
            encoder = new PolyEncoder(payload, reader.ReadUInt32());
        }

        PolyDecoder? decoder = null;
        if (layout.DecoderBytes > 0)
        {
            decoder = new PolyDecoder(layout.DecoderBytes);
            for (int p = 0; p < PolyDecoder.Polys; p++)
            {
                int count = reader.ReadUInt16();
                if (count > 2 * decoder.NecessaryPoints(p) || count * 4 > reader.Remaining)
                {
                    throw SpqrStateReader.Malformed("bad decoder");
                }

                int previous = -1;
                for (int i = 0; i < count; i++)
                {
                    ushort x = reader.ReadUInt16();
                    ushort y = reader.ReadUInt16();
                    if (x <= previous)
                    {
                        throw SpqrStateReader.Malformed("bad decoder order");
                    }

                    previous = x;
                    decoder.AddPoint(p, x, y);
                }
            }
        }

        return BraidState.Restore(kind, epoch, auth, hdr, ek, dk, ct1, es, encoder, decoder);
    }

    private static void WriteOptional(byte[]? field, SpqrStateWriter writer)
    {
        if (field is not null)
        {
            writer.WriteFixed(field);
        }
    }

    private static Layout LayoutOf(BraidKind kind)
    {
        const int hdrPayload = BraidState.HeaderPayloadBytes;
        const int ekBytes = IncrementalMlKem768.EncapsulationKeyBytes;
        const int ct1Bytes = IncrementalMlKem768.Ciphertext1Bytes;
        const int ct2Payload = BraidState.Ct2PayloadBytes;
        return kind switch
        {
            BraidKind.KeysUnsampled => default,
            BraidKind.KeysSampled => new Layout { Ek = true, Dk = true, EncoderBytes = hdrPayload },
            BraidKind.HeaderSent => new Layout { Dk = true, EncoderBytes = ekBytes, DecoderBytes = ct1Bytes },
            BraidKind.Ct1Received => new Layout { Dk = true, Ct1 = true, EncoderBytes = ekBytes },
            BraidKind.EkSentCt1Received => new Layout { Dk = true, Ct1 = true, DecoderBytes = ct2Payload },
            BraidKind.NoHeaderReceived => new Layout { DecoderBytes = hdrPayload },
            BraidKind.HeaderReceived => new Layout { Hdr = true, DecoderBytes = ekBytes },
            BraidKind.Ct1Sampled => new Layout { Hdr = true, Ct1 = true, EncapsulationState = true, EncoderBytes = ct1Bytes, DecoderBytes = ekBytes },
            BraidKind.EkReceivedCt1Sampled => new Layout { Ek = true, Ct1 = true, EncapsulationState = true, EncoderBytes = ct1Bytes },
            BraidKind.Ct1Acknowledged => new Layout { Hdr = true, Ct1 = true, EncapsulationState = true, DecoderBytes = ekBytes },
            BraidKind.Ct2Sampled => new Layout { EncoderBytes = ct2Payload },
            _ => throw SpqrStateReader.Malformed("bad braid state"),
        };
    }

    private struct Layout
    {
        public bool Hdr;
        public bool Ek;
        public bool Dk;
        public bool Ct1;
        public bool EncapsulationState;
        public int EncoderBytes;
        public int DecoderBytes;
    }
}
