// A remote party's address: a name plus a device id 1..127 (libsignal rust/core/src/address.rs).
using System;

namespace WotId.Signal;

/// <summary>Identifies one device of a remote party.</summary>
public sealed record ProtocolAddress
{
    /// <summary>Creates an address; <paramref name="deviceId"/> must be 1..127.</summary>
    public ProtocolAddress(string name, uint deviceId)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (deviceId is < 1 or > 127)
        {
            throw new SignalProtocolException(SignalError.InvalidArgument, "device id must be 1..127");
        }

        Name = name;
        DeviceId = deviceId;
    }

    /// <summary>The party's name (any stable identifier).</summary>
    public string Name { get; }

    /// <summary>The device id, 1..127.</summary>
    public uint DeviceId { get; }

    /// <summary>"name.deviceId", as libsignal prints addresses.</summary>
    public override string ToString() => Name + "." + DeviceId;
}
