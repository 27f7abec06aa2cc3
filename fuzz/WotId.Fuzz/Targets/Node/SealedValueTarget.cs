// Fuzz target: the at-rest sealed value decoder of WotId.Node (a profile database may be copied or edited).
using System;
using WotId.Node.Profile;
using WotId.Node.Storage;

namespace WotId.Fuzz.Targets.Node;

/// <summary>
/// Opens arbitrary bytes as a sealed profile value; only <see cref="ProfileException"/> with
/// <see cref="ProfileError.Corrupt"/> may escape. Sealing the input must open back to the input.
/// </summary>
public sealed class SealedValueTarget : IFuzzTarget
{
    // A fixed key with the cheapest Argon2id parameters: the decoder, not the KDF, is under test.
    private static readonly AtRestKey s_key = AtRestKey.Derive("fuzz", new byte[AtRestKey.SaltSize], new KdfParameters(8, 1, 1));

    /// <inheritdoc />
    public string Name => "node-sealed-value";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            s_key.Open("inbox", "body", "1/m", input);
            throw new InvalidOperationException("random bytes authenticated");
        }
        catch (ProfileException e) when (e.Error == ProfileError.Corrupt)
        {
            // Documented rejection.
        }

        if (input.Length <= 4096 && !s_key.Open("t", "c", "r", s_key.Seal("t", "c", "r", input)).AsSpan().SequenceEqual(input))
        {
            throw new InvalidOperationException("seal/open does not round-trip");
        }
    }
}
