// Per-issuer default status-list URLs and a directory cache keyed by URL: two issuers' lists live side by side
// in one cache folder (Bitstring Status List v1.0 §2.1: a list is identified by its statusListCredential URL).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Status;

namespace WotId.Identity.Tests.Behaviour;

public sealed class StatusListUrlTests
{
    private const string IssuerA = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    private const string IssuerB = "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";

    [Fact]
    public void DifferentIssuersGetDifferentDefaultUrls()
    {
        string a = StatusListUrl.ForIssuer(IssuerA);
        string b = StatusListUrl.ForIssuer(IssuerB);
        Assert.NotEqual(a, b);
        Assert.StartsWith(StatusListUrl.DefaultBase, a, StringComparison.Ordinal);
        Assert.Equal(StatusListUrl.DefaultBase.Length + StatusListUrl.HashHexDigits, a.Length);
    }

    [Fact]
    public void TheDefaultUrlIsAStableFunctionOfTheDid()
    {
        // SHA-256("did:key:z6Mkha…doK") begins with these 16 hex digits (computed with coreutils sha256sum).
        Assert.Equal(StatusListUrl.ForIssuer(IssuerA), StatusListUrl.ForIssuer(IssuerA));
        Assert.Equal("https://example.org/s/8551f404ecfe6403", StatusListUrl.ForIssuer(IssuerA, "https://example.org/s/"));
    }

    [Theory]
    [InlineData("https://example.org/s")]
    [InlineData("http://example.org/s/")]
    [InlineData("status/")]
    public void ABaseThatIsNotAnHttpsFolderIsRejected(string baseUrl) =>
        Assert.Throws<ArgumentException>(() => StatusListUrl.ForIssuer(IssuerA, baseUrl));

    [Fact]
    public async Task OneCacheFolderKeepsTheListsOfTwoIssuersApart()
    {
        string dir = Path.Combine(Path.GetTempPath(), "wotid-status-" + Guid.NewGuid().ToString("N"));
        try
        {
            var writer = new LocalStatusListCache(dir);
            writer.Put(StatusListUrl.ForIssuer(IssuerA), "list-of-a");
            writer.Put(StatusListUrl.ForIssuer(IssuerB), "list-of-b");

            var reader = new LocalStatusListCache(dir);
            Assert.Equal("list-of-a", await reader.GetAsync(StatusListUrl.ForIssuer(IssuerA), CancellationToken.None));
            Assert.Equal("list-of-b", await reader.GetAsync(StatusListUrl.ForIssuer(IssuerB), CancellationToken.None));
            Assert.Null(await reader.GetAsync(StatusListUrl.DefaultBase + "1", CancellationToken.None));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
