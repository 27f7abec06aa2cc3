// The IOTA mailbox hint of an invitation ("PACKAGE@RPC_URL", docs/mailbox.md "The IOTA mailbox in the node"): it
// round-trips, refuses what is not a package id and an http(s) URL, and never throws on garbage (the fuzz target
// node-invitation runs it too).
using System;
using CsCheck;
using WotId.Mailbox.Types;
using WotId.Node.IotaMailboxes;

namespace WotId.Node.Tests.IotaMailboxes;

public sealed class IotaMailboxHintTests
{
    private static readonly IotaAddress Package = IotaAddress.Parse("0x" + new string('a', 64));

    [Fact]
    public void HintRoundTripsPackageAndEndpoint()
    {
        var rpc = new Uri("https://api.testnet.iota.cafe/");
        Assert.True(IotaMailboxHint.TryParse(IotaMailboxHint.Format(Package, rpc), out IotaAddress package, out Uri? parsed));
        Assert.Equal((Package, rpc), (package, parsed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@https://node.example/")]
    [InlineData("0xzz@https://node.example/")]
    [InlineData("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@file:///etc/passwd")]
    [InlineData("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@relative/path")]
    [InlineData("testnet")]
    public void HintThatIsNotAPackageAndAnHttpEndpointIsRefused(string? hint)
    {
        Assert.False(IotaMailboxHint.TryParse(hint, out _, out Uri? rpc));
        Assert.Null(rpc);
    }

    [Fact]
    public void GarbageHintNeverThrows() =>
        Gen.String[0, 300].Sample(s =>
        {
            if (IotaMailboxHint.TryParse(s, out _, out Uri? rpc))
            {
                Assert.True(WotId.Node.Profile.Profile.IsRpcEndpoint(rpc));
            }
        });
}
