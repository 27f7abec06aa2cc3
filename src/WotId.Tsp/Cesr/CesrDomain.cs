// CESR (ToIP CESR specification v1.0, "Stream parsing rules"): the cold-start domains.
namespace WotId.Tsp.Cesr;

/// <summary>The composition domain of a CESR stream, told apart by its first three bits.</summary>
public enum CesrDomain
{
    /// <summary>Base64url text (qb64); first three bits <c>001</c> ('-' = 0x2D).</summary>
    Text = 1,

    /// <summary>Raw binary (qb2); first three bits <c>111</c> (the '-' sextet 0b111110 leads the byte).</summary>
    Binary = 2,
}
