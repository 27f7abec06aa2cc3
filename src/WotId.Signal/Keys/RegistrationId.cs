// Registration ids: Signal uses 14-bit values 1..16380 (libsignal KeyHelper / generate_registration_id).
using System.Security.Cryptography;

namespace WotId.Signal.Keys;

/// <summary>Registration id helpers.</summary>
public static class RegistrationId
{
    /// <summary>The largest id Signal generates.</summary>
    public const uint Max = 16380;

    /// <summary>A random registration id in 1..16380.</summary>
    public static uint Generate() => (uint)RandomNumberGenerator.GetInt32(1, (int)Max + 1);
}
