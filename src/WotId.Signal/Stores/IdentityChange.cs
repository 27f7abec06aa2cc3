// Result of saving a remote identity (libsignal IdentityChange): a replaced key is reported, never silent.
namespace WotId.Signal.Stores;

/// <summary>What saving a remote identity key did.</summary>
public enum IdentityChange
{
    /// <summary>The key was new or the same as the stored one.</summary>
    NewOrUnchanged = 0,

    /// <summary>A different key was stored before and has been replaced.</summary>
    ReplacedExisting = 1,
}
