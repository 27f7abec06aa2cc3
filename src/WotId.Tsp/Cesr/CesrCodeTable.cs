// CESR (ToIP CESR specification v1.0, master code table; keripy src/keri/core/coring.py MatterCodex sizes at e70a42d)
// plus the TSP-local ML-DSA-65 signature code 1QDM used by the Rust TSP SDK.
using System.Collections.Frozen;
using System.Collections.Generic;

namespace WotId.Tsp.Cesr;

/// <summary>Raw sizes of the fixed-size primitive codes this codec can parse without being told the size.</summary>
internal static class CesrCodeTable
{
    private static readonly FrozenDictionary<string, int> s_rawSizes = new Dictionary<string, int>
    {
        // One-character codes: 32-byte keys and digests (44 characters).
        ["A"] = 32, ["B"] = 32, ["C"] = 32, ["D"] = 32, ["E"] = 32, ["F"] = 32, ["G"] = 32, ["H"] = 32,
        ["I"] = 32, ["J"] = 32, ["O"] = 32, ["Q"] = 32,
        ["K"] = 56, ["L"] = 56, ["P"] = 92,
        ["M"] = 2, ["N"] = 8, ["R"] = 5, ["S"] = 11, ["T"] = 14, ["U"] = 17, ["W"] = 2,

        // TSP placeholder "XAAA" (the SDK's TSP_TMP: code X with two raw bytes).
        ["X"] = 2,

        // Two-character codes.
        ["0A"] = 16, ["0B"] = 64, ["0C"] = 64, ["0D"] = 64, ["0E"] = 64, ["0F"] = 64, ["0G"] = 64,
        ["0H"] = 4, ["0I"] = 64,

        // Four-character codes.
        ["1AAA"] = 33, ["1AAB"] = 33, ["1AAC"] = 57, ["1AAD"] = 57,

        // TSP (Rust SDK): ML-DSA-65 signature, 3309 raw bytes, 4416 characters.
        ["1QDM"] = 3309,
    }.ToFrozenDictionary();

    /// <summary>Looks up the raw size of a fixed-size code.</summary>
    public static bool TryGetFixedRawSize(string code, out int rawSize) => s_rawSizes.TryGetValue(code, out rawSize);
}
