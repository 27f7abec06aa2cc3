// Fuzz target: Circuit Relay v2 hop and stop messages and reservation vouchers (libp2p/specs relay/circuit-v2.md,
// "Protobuf" and "Reservation Vouchers").
using System;
using WotId.Libp2p.Protocols.Relay;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Decodes the input as a hop message, a stop message and a voucher; only <see cref="RelayFormatException"/> may escape.</summary>
public sealed class RelayMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-relay";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            HopMessage hop = HopMessage.Decode(input);
            _ = HopMessage.Decode(hop.Encode());
        }
        catch (RelayFormatException)
        {
            // Documented rejection.
        }

        try
        {
            StopMessage stop = StopMessage.Decode(input);
            _ = StopMessage.Decode(stop.Encode());
        }
        catch (RelayFormatException)
        {
            // Documented rejection.
        }

        try
        {
            _ = ReservationVoucher.Open(input);
        }
        catch (RelayFormatException)
        {
            // Documented rejection.
        }

        try
        {
            _ = ReservationVoucher.Decode(input);
        }
        catch (RelayFormatException)
        {
            // Documented rejection.
        }
    }
}
