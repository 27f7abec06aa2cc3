// Fuzz target: the vc+jwt / vp+jwt decoders — CompactJws.Parse over the input as text, then the credential and
// presentation JSON decoders over the decoded payload and over the raw input bytes.
using System;
using WotId.Identity;
using WotId.Identity.Credentials;
using WotId.Identity.Jose;

namespace WotId.Fuzz.Targets.Identity;

/// <summary>Feeds arbitrary input to the JWS and credential decoders; only <see cref="IdentityFormatException"/> may escape.</summary>
public sealed class CompactJwsTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "identity-jws";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        string text = System.Text.Encoding.UTF8.GetString(input);
        byte[] bytes = input.ToArray();
        try
        {
            CompactJws jws = CompactJws.Parse(text);
            try
            {
                _ = Credential.Parse(jws.Payload);
            }
            catch (IdentityFormatException)
            {
                _ = Presentation.Parse(jws.Payload);
            }
        }
        catch (IdentityFormatException)
        {
            // Documented rejection.
        }

        Swallow(() => Credential.Parse(bytes));
        Swallow(() => Presentation.Parse(bytes));
        Swallow(() => JwsHeader.Parse(bytes));
    }

    private static void Swallow(Action decode)
    {
        try
        {
            decode();
        }
        catch (IdentityFormatException)
        {
            // Documented rejection.
        }
    }
}
