// SPQR chain parameters (SparsePostQuantumRatchet src/chain.rs `ChainParams`; libsignal ratchet.rs
// `spqr_chain_params`): the receive-side limits of the symmetric chain.

namespace WotId.Signal.Spqr;

/// <summary>Receive-side limits of the SPQR symmetric chain. A value of 0 selects the library default; at most 2^20 each.</summary>
/// <param name="MaxJump">Largest allowed gap between the highest key index seen and a requested index (25,000).</param>
/// <param name="MaxOooKeys">How many older keys are kept for out-of-order messages (2,000).</param>
public sealed record SpqrParameters(uint MaxJump = SpqrParameters.DefaultMaxJump, uint MaxOooKeys = SpqrParameters.DefaultMaxOooKeys)
{
    /// <summary>libsignal's forward-jump limit.</summary>
    public const uint DefaultMaxJump = 25_000;

    /// <summary>libsignal's out-of-order key limit.</summary>
    public const uint DefaultMaxOooKeys = 2_000;

    /// <summary>The parameters libsignal uses for sessions with another device (25,000 / 2,000).</summary>
    public static SpqrParameters Default { get; } = new();

    /// <summary>
    /// The largest jump or out-of-order limit a session accepts, in <see cref="SpqrSession.Create"/> and in a stored
    /// state: 2^20, the self-session jump limit. One receive derives at most this many chain keys.
    /// </summary>
    internal const uint LargestLimit = 1u << 20;

    internal uint EffectiveMaxJump => MaxJump == 0 ? DefaultMaxJump : MaxJump;

    internal uint EffectiveMaxOooKeys => MaxOooKeys == 0 ? DefaultMaxOooKeys : MaxOooKeys;
}
