// Fuzz target: the CESR codec (cold-start detection, text/binary conversion, generic primitive reader).
using System;
using WotId.Tsp.Cesr;

namespace WotId.Fuzz.Targets.Tsp;

/// <summary>Feeds arbitrary input to the CESR reader; only <see cref="CesrException"/> may escape.</summary>
public sealed class CesrStreamTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "tsp-cesr";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            byte[] binary = CesrText.ToBinaryAnyDomain(input);
            var reader = new CesrReader(binary);
            while (!reader.IsEnd)
            {
                if (!reader.TryReadCount('A', out _) && !reader.TryReadCount('Z', out _))
                {
                    reader.ReadPrimitive();
                }
            }
        }
        catch (CesrException)
        {
            // Documented rejection.
        }
    }
}
