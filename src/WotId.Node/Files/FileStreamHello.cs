// The first frame of a /wotid/file/5.0.0 stream (docs/files.md "Wire format").
namespace WotId.Node.Files;

/// <summary>The sender's HELLO: which transfer, the chunk it would start from, and this stream's salt.</summary>
/// <param name="FileId">The transfer id (the file.offer's file_id).</param>
/// <param name="StartChunk">The first chunk the sender believes the receiver lacks (the receiver answers with its own).</param>
/// <param name="Salt">16 fresh random bytes (HKDF salt of the chunk key).</param>
internal sealed record FileStreamHello(string FileId, long StartChunk, byte[] Salt);
