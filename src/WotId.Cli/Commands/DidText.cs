// How DIDs look in text output: an ML-DSA did:key is about 2,600 characters, so lines that name one for a person to
// recognise show its start and end only (the whole DID is in the --json output).
namespace WotId.Cli.Commands;

/// <summary>DIDs in text output.</summary>
internal static class DidText
{
    /// <summary>A long DID cut to its first 40 and last 12 characters for text output.</summary>
    public static string Abbreviated(string did) => did.Length <= 60 ? did : did[..40] + "…" + did[^12..];
}
