// The receiving person's side of a transfer between two running nodes (docs/cli.md `files accept --wait`,
// `files watch`): Bob accepts Alice's offer with `wotid files accept ID --wait`, which draws the progress and exits 0
// naming where the verified file was saved, while Alice follows the same transfer with `wotid files watch ID` until
// Bob's node confirms it.
using System;
using System.Text.Json;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Nodes;

public sealed partial class FileTransferProcessTests
{
    [Fact]
    public async Task TheReceiverAcceptsAndWaitsWhileTheSenderWatchesUntilBothSeeTheVerifiedFile()
    {
        await using TwoPeople p = await TwoPeople.CreateAsync(_dir);
        await NetworkedVerbTests.ConnectAsync(p);
        string source = await WriteFileAsync("film.bin", 5_000_003);
        await using WotidBackground alice = await RunAsync(p.Alice);
        await using WotidBackground bob = await RunAsync(p.Bob);

        WotidProcess.Result offered = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, s_wait, "send-file", "bob", source, "--no-wait", "--home", p.Alice, "--json");
        SkipWithoutFileTransfer(offered);
        Assert.True(offered.ExitCode == 0, offered.Error);
        string id = JsonDocument.Parse(offered.Output.Split('\n')[0]).RootElement.GetProperty("id").GetString()!;
        string shortId = id[^8..];
        await bob.WaitForLineAsync(l => Kind(l) == "file.offered" && l.Contains(id, StringComparison.Ordinal), s_wait);

        Task<WotidProcess.Result> watching = WotidProcess.RunAsync(ProfileVerbTests.Passphrase, s_wait, "files", "watch", shortId, "--home", p.Alice);
        WotidProcess.Result accepted = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, s_wait, "files", "accept", shortId, "--wait", "--home", p.Bob);

        Assert.True(accepted.ExitCode == 0, $"files accept --wait exited {accepted.ExitCode}: {accepted.Error}");
        Assert.Contains($"accepted film.bin (5.0 MB) from alice; id {shortId}", accepted.Error, StringComparison.Ordinal);
        Assert.Contains("100%  5.0 MB / 5.0 MB", accepted.Error, StringComparison.Ordinal);
        string saved = (await CompletedAsync(p.Bob, id)).GetProperty("path").GetString()!;
        Assert.Contains($"film.bin from alice, verified, saved as {saved}", accepted.Error, StringComparison.Ordinal);
        Assert.Equal(await Sha256Async(source), await Sha256Async(saved));

        WotidProcess.Result watched = await watching;
        Assert.True(watched.ExitCode == 0, $"files watch exited {watched.ExitCode}: {watched.Error}");
        Assert.Contains($"film.bin (5.0 MB) to bob: offered, 0%; id {shortId}", watched.Error, StringComparison.Ordinal);
        Assert.Contains("bob has film.bin, verified", watched.Error, StringComparison.Ordinal);
    }
}
