// SPQR (signalapp/SparsePostQuantumRatchet, src/proto/pq_ratchet.proto `Direction`): which side of the
// session this state belongs to.

namespace WotId.Signal.Spqr;

/// <summary>The direction of an SPQR state: A2B for the PQXDH initiator, B2A for the responder.</summary>
public enum SpqrDirection
{
    /// <summary>The PQXDH initiator (Alice). Starts the braid as the party that sends the ML-KEM key.</summary>
    A2B = 0,

    /// <summary>The PQXDH responder (Bob). Starts the braid as the party that sends the ciphertext.</summary>
    B2A = 1,
}
