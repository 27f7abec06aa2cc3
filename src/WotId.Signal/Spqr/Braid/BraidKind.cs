// The eleven states of the chunked SPQR V1 braid (SparsePostQuantumRatchet src/v1/chunked/states.rs `States`).

namespace WotId.Signal.Spqr.Braid;

internal enum BraidKind : byte
{
    // send_ek role
    KeysUnsampled = 1,
    KeysSampled = 2,
    HeaderSent = 3,
    Ct1Received = 4,
    EkSentCt1Received = 5,

    // send_ct role
    NoHeaderReceived = 6,
    HeaderReceived = 7,
    Ct1Sampled = 8,
    EkReceivedCt1Sampled = 9,
    Ct1Acknowledged = 10,
    Ct2Sampled = 11,
}
