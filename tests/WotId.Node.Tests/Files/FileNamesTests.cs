// Destination names (docs/files.md "Destination"): whatever a contact offers, the file lands inside the destination
// directory under a harmless base name and never overwrites an existing file.
using System;
using System.IO;
using WotId.Node.Files;

namespace WotId.Node.Tests.Files;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("/abs/path/x.txt", "x.txt")]
    [InlineData("a\\b", "b")]
    [InlineData("C:\\Windows\\system32\\evil.dll", "evil.dll")]
    [InlineData("CON", "_CON")]
    [InlineData("lpt1.txt", "_lpt1.txt")]
    [InlineData("", "file")]
    [InlineData("..", "file")]
    [InlineData("  . ", "file")]
    [InlineData("a\u0000b\nc.txt", "a_b_c.txt")]
    [InlineData("what?.txt", "what_.txt")]
    [InlineData("photo.jpg", "photo.jpg")]
    public void OfferedNamesAreReducedToASafeBaseName(string offered, string expected) =>
        Assert.Equal(expected, FileNames.Sanitize(offered));

    [Fact]
    public void VeryLongNamesAreShortenedKeepingTheExtension()
    {
        string name = FileNames.Sanitize(new string('a', 5000) + ".pdf");
        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/abs")]
    [InlineData("a\\b")]
    [InlineData("CON")]
    [InlineData("")]
    [InlineData("..")]
    public void MovedFilesLandInsideTheDestinationWithoutOverwriting(string offered)
    {
        using var profiles = new TestProfiles();
        string destination = Path.Combine(profiles.Root, "downloads");
        string first = Place(profiles, destination, offered, "one");
        string second = Place(profiles, destination, offered, "two");

        Assert.Equal(destination, Path.GetDirectoryName(first));
        Assert.Equal(destination, Path.GetDirectoryName(second));
        Assert.NotEqual(first, second);
        Assert.Equal("one", File.ReadAllText(first));
        Assert.Equal("two", File.ReadAllText(second));
        Assert.Contains(" (1)", Path.GetFileName(second), StringComparison.Ordinal);
    }

    [Fact]
    public void VeryLongOfferedNameLandsInsideTheDestination()
    {
        using var profiles = new TestProfiles();
        string destination = Path.Combine(profiles.Root, "downloads");
        string path = Place(profiles, destination, new string('x', 300), "long");
        Assert.Equal(destination, Path.GetDirectoryName(path));
        Assert.True(Path.GetFileName(path).Length <= FileNames.MaxLength);
    }

    [Fact]
    public void FoldersThatCannotBeWrittenAreToldApartFromOtherFailures()
    {
        int readOnly = OperatingSystem.IsWindows() ? 19 : 30; // ERROR_WRITE_PROTECT, EROFS
        int full = OperatingSystem.IsWindows() ? 112 : 28; // ERROR_DISK_FULL, ENOSPC
        Assert.True(FileNames.IsUnwritable(new UnauthorizedAccessException("denied")));
        Assert.True(FileNames.IsUnwritable(new DirectoryNotFoundException("gone")));
        Assert.True(FileNames.IsUnwritable(new IOException("read-only", readOnly)));
        Assert.False(FileNames.IsUnwritable(new IOException("full", full)));
        Assert.False(FileNames.IsUnwritable(new IOException("some other failure")));
        Assert.False(FileNames.IsUnwritable(new InvalidOperationException("not an I/O failure")));
    }

    [Fact]
    public void AMoveIntoAFolderThatIsGoneKeepsTheSourceAndSaysWhy()
    {
        using var profiles = new TestProfiles();
        string source = Path.Combine(profiles.Root, "verified.bin");
        File.WriteAllText(source, "kept");
        string gone = Path.Combine(profiles.Root, "unplugged", "downloads");

        var e = Assert.Throws<FileTransferException>(() => FileNames.TryMoveTo(source, Path.Combine(gone, "verified.bin")));

        Assert.Equal(FileTransferError.DestinationUnwritable, e.Error);
        Assert.StartsWith("destination_unwritable: ", e.Message, StringComparison.Ordinal);
        Assert.Equal("kept", File.ReadAllText(source));
        Assert.False(Directory.Exists(gone));
    }

    private static string Place(TestProfiles profiles, string destination, string offered, string content)
    {
        string source = Path.Combine(profiles.Root, Guid.NewGuid().ToString("N"));
        File.WriteAllText(source, content);
        return FileNames.MoveInto(source, destination, offered);
    }
}
