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

    private static string Place(TestProfiles profiles, string destination, string offered, string content)
    {
        string source = Path.Combine(profiles.Root, Guid.NewGuid().ToString("N"));
        File.WriteAllText(source, content);
        return FileNames.MoveInto(source, destination, offered);
    }
}
