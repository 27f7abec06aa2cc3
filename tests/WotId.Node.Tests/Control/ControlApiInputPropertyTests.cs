// Properties of the checks on untrusted file inputs of the control API (docs/node.md "Control API", "Files"): any
// string either passes or is refused with NodeError.InvalidInput, never another exception; an accepted upload name
// stays inside its folder; an accepted path is absolute.
using System;
using System.IO;
using CsCheck;
using WotId.Node.Api;
using WotId.Node.Control;

namespace WotId.Node.Tests.Control;

public sealed class ControlApiInputPropertyTests
{
    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String[0, 300],
        Gen.Char["./\\\0\u0007\u007f ab%é"].Array[0, 12].Select(chars => new string(chars)),
        Gen.Const(".."),
        Gen.Const("."));

    [Fact]
    public void AnUploadNameIsAcceptedOnlyWhenItStaysInItsFolder() =>
        s_text.Sample(name =>
        {
            string folder = Path.Combine(Path.GetTempPath(), "upload-folder");
            string accepted;
            try
            {
                accepted = ControlApiInput.UploadName(name);
            }
            catch (NodeException e) when (e.Error == NodeError.InvalidInput)
            {
                return;
            }

            Assert.Equal(name, accepted);
            Assert.Equal(folder, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, accepted))));
            Assert.InRange(accepted.Length, 1, 255);
        });

    [Fact]
    public void ALocalPathIsAcceptedOnlyWhenAbsolute() =>
        s_text.Sample(path =>
        {
            try
            {
                Assert.True(Path.IsPathFullyQualified(ControlApiInput.LocalPath(path, "path")));
            }
            catch (NodeException e) when (e.Error == NodeError.InvalidInput)
            {
                // Refused with the documented error.
            }
        });

    [Fact]
    public void AFileIdFromAPathIsBoundedOrRefused() =>
        s_text.Sample(id =>
        {
            try
            {
                Assert.InRange(ControlApiInput.FileIdFromPath(id).Length, 1, 128);
            }
            catch (NodeException e) when (e.Error == NodeError.InvalidInput)
            {
                // Refused with the documented error.
            }
        });
}
