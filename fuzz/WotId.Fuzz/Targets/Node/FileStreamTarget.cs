// Fuzz target: the receiving side of /wotid/file/5.0.0 (docs/files.md "Wire format"): a HELLO frame, then CHUNK
// frames of a 3,000-byte file in 1,024-byte chunks under a fixed test key, read by FileReceivePump into memory.
// A decoded HELLO must encode to its input bytes.
using System;
using System.IO;
using System.Threading.Tasks;
using WotId.Node.Files;
using WotId.Node.Runtime;

namespace WotId.Fuzz.Targets.Node;

/// <summary>Feeds arbitrary bytes as a file stream; only FileTransferException (the documented rejection) may escape.</summary>
public sealed class FileStreamTarget : IFuzzTarget
{
    /// <summary>The size of the file the target expects.</summary>
    internal const int FileSize = 3000;

    /// <summary>The chunk size of the file the target expects.</summary>
    internal const int ChunkSize = 1024;

    /// <summary>The fixed file key (32 bytes of 7).</summary>
    internal static byte[] Key { get; } = Fill(new byte[32]);

    /// <inheritdoc />
    public string Name => "node-file-stream";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            if (input.Length < FileFrameCodec.HelloPrefixLength)
            {
                return;
            }

            int n = FileFrameCodec.HelloIdLength(input[..FileFrameCodec.HelloPrefixLength]);
            int helloLength = FileFrameCodec.HelloPrefixLength + n + FileFrameCodec.HelloSuffixLength;
            if (input.Length < helloLength)
            {
                return;
            }

            FileStreamHello hello = FileFrameCodec.DecodeHello(input[..helloLength]);
            if (!FileFrameCodec.EncodeHello(hello).AsSpan().SequenceEqual(input[..helloLength]))
            {
                throw new InvalidOperationException("a decoded HELLO does not encode to its input");
            }

            var layout = new FileChunkLayout(FileSize, ChunkSize);
            using var cipher = new FileChunkCipher(Key, hello.FileId, hello.Salt);
            using var wire = new MemoryStream(input[helloLength..].ToArray(), writable: false);
            using var partial = new MemoryStream();
            FileReceivePump.ReceiveAsync(wire, partial, cipher, layout, hello.StartChunk % layout.ChunkCount, null, 2048,
                (_, _) => ValueTask.CompletedTask, default).GetAwaiter().GetResult();
            if (partial.Length != FileSize - layout.Offset(hello.StartChunk % layout.ChunkCount))
            {
                throw new InvalidOperationException("the receiver stored another number of bytes than the layout names");
            }
        }
        catch (FileTransferException)
        {
            // Documented rejection.
        }
    }

    private static byte[] Fill(byte[] k)
    {
        Array.Fill(k, (byte)7);
        return k;
    }
}
