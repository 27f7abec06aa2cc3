// The media type a sender announces in file.offer (RFC 6838 type/subtype), guessed from the extension; the receiver
// only displays it and never acts on it.
using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;

namespace WotId.Node.Files;

/// <summary>Media type guesses by file extension.</summary>
internal static class FileMediaTypes
{
    /// <summary>The type of unknown content.</summary>
    internal const string OctetStream = "application/octet-stream";

    private static readonly FrozenDictionary<string, string> s_byExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain", [".md"] = "text/markdown", [".csv"] = "text/csv", [".html"] = "text/html",
        [".json"] = "application/json", [".pdf"] = "application/pdf", [".zip"] = "application/zip",
        [".gz"] = "application/gzip", [".tar"] = "application/x-tar",
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".svg"] = "image/svg+xml",
        [".mp3"] = "audio/mpeg", [".ogg"] = "audio/ogg", [".wav"] = "audio/wav",
        [".mp4"] = "video/mp4", [".webm"] = "video/webm", [".mkv"] = "video/x-matroska",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The media type of <paramref name="path"/> by its extension, else application/octet-stream.</summary>
    internal static string Guess(string path) =>
        s_byExtension.TryGetValue(Path.GetExtension(path), out string? type) ? type : OctetStream;
}
