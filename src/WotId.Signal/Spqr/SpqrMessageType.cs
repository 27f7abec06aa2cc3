// SPQR V1 message payload types (SparsePostQuantumRatchet src/v1/chunked/states/serialize.rs `MessageType`).

namespace WotId.Signal.Spqr;

internal enum SpqrMessageType : byte
{
    None = 0,
    Hdr = 1,
    Ek = 2,
    EkCt1Ack = 3,
    Ct1Ack = 4,
    Ct1 = 5,
    Ct2 = 6,
}
