// Bounds checks of request values (docs/node.md "Control API"); a value out of bounds is NodeError.InvalidInput (400).
using System;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Checks of path, query and body values.</summary>
internal static class ControlApiInput
{
    /// <summary>
    /// A contact reference from a path segment. Kestrel leaves an encoded slash (<c>%2F</c>) encoded, so it is decoded
    /// here; a name may then contain '/'.
    /// </summary>
    public static string ContactFromPath(string value) =>
        Contact(value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), "contact");

    public static string Contact(string? value, string what) => Bounded(value, ControlApiLimits.MaxContactLength, what);

    public static string MessageId(string? value) => Bounded(value, ControlApiLimits.MaxMessageIdLength, "message id");

    public static string Invitation(string? value) => Bounded(value, ControlApiLimits.MaxInvitationLength, "invitation");

    public static string? Name(string? value) => value is null ? null : Bounded(value, ControlApiLimits.MaxContactLength, "name");

    public static string Text(string? value) => Bounded(value, ControlApiLimits.MaxTextLength, "text");

    public static string Credential(string? value) => Bounded(value, Profile.Profile.MaxCredentialLength, "credential");

    /// <summary>A file transfer id from a path segment (an encoded slash decoded, as for contacts).</summary>
    public static string FileIdFromPath(string value) =>
        Bounded(value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), ControlApiLimits.MaxFileIdLength, "file id");

    /// <summary>A path on the node's machine: absolute (the node's working directory is not the caller's), no NUL.</summary>
    public static string LocalPath(string? value, string what)
    {
        string path = Bounded(value, ControlApiLimits.MaxPathLength, what);
        if (path.Contains('\0', StringComparison.Ordinal) || !System.IO.Path.IsPathFullyQualified(path))
        {
            throw new NodeException(NodeError.InvalidInput, what + " must be an absolute path");
        }

        return path;
    }

    /// <summary>
    /// The name of an uploaded file: a plain base name (no directory part, not "." or "..", no control characters),
    /// so it cannot point outside the upload's own directory.
    /// </summary>
    public static string UploadName(string? value)
    {
        string name = Bounded(value, ControlApiLimits.MaxFileNameLength, "name");
        if (name is "." or ".." || name.AsSpan().IndexOfAny('/', '\\') >= 0 || name.AsSpan().ContainsAnyInRange('\0', '\x1f') || name.Contains('\x7f', StringComparison.Ordinal))
        {
            throw new NodeException(NodeError.InvalidInput, "name must be a plain file name");
        }

        return name;
    }

    public static int Limit(int? value)
    {
        int limit = value ?? 100;
        return limit is >= 1 and <= ControlApiLimits.MaxConversationLimit
            ? limit
            : throw new NodeException(NodeError.InvalidInput, $"limit must be 1..{ControlApiLimits.MaxConversationLimit}");
    }

    private static string Bounded(string? value, int max, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new NodeException(NodeError.InvalidInput, what + " is required");
        }

        return value.Length <= max ? value : throw new NodeException(NodeError.InvalidInput, $"{what} is longer than {max} characters");
    }
}
