// The full outcome of resolving a did:iota DID: the wot.id document, and the packed document as stored on chain.
namespace WotId.Identity.Dids.Iota;

/// <summary>A did:iota resolution: <see cref="Result"/> as every resolver returns, plus what was read on chain.</summary>
/// <param name="Result">The document or the error.</param>
/// <param name="Packed">The unpacked on-chain document (with chain timestamps), when one was read.</param>
public sealed record IotaDidResolution(DidResolutionResult Result, IotaPackedDocument? Packed);
