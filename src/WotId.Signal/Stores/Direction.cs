// Which way a message goes when identity trust is asked (libsignal rust/protocol/src/storage/traits.rs Direction).
namespace WotId.Signal.Stores;

/// <summary>Direction of the operation that asks whether an identity is trusted.</summary>
public enum Direction
{
    /// <summary>We are about to send (process a bundle, encrypt).</summary>
    Sending = 0,

    /// <summary>We received a message.</summary>
    Receiving = 1,
}
