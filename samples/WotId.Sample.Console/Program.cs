// Two verified humans chat through the WotId.Node package (docs/library.md "Sample"): an issuer of VerifiedHuman
// credentials, two profiles in a temporary folder, two nodes on 127.0.0.1, invitations both ways, one message.
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Node.Api;
using WotId.Node.Profile;
using WotId.Node.Runtime;

DirectoryInfo temp = Directory.CreateTempSubdirectory("wotid-sample-");
using SigningKey issuerKey = SigningKey.Generate(KeyAlgorithm.MLDsa65);
var issuer = new CredentialIssuer(issuerKey, new IssuerState("https://issuer.example/status/1"));
var statusLists = new LocalStatusListCache(); // in memory here; by default a node fetches status lists over HTTPS
statusLists.Put(issuer.State.StatusListUrl, issuer.IssueStatusListCredential());

async Task<IWotIdNode> StartAsync(string name)
{
    Profile profile = await Profile.CreateAsync(Path.Combine(temp.FullName, name), name, "a long sample passphrase");
    profile.SetCredential(issuer.IssueVerifiedHuman(profile.Did, TimeSpan.FromDays(30)).Jws);
    profile.TrustIssuer(issuer.Did);
    return await WotIdNode.StartAsync(profile, new NodeOptions { StatusLists = statusLists });
}

await using (IWotIdNode alice = await StartAsync("alice"), bob = await StartAsync("bob"))
{
    await alice.AddContactAsync(await bob.CreateInvitationAsync(), "bob");
    await bob.AddContactAsync(await alice.CreateInvitationAsync(), "alice");
    SentMessage sent = await alice.SendTextAsync("bob", "Hello Bob, from one verified human to another");
    InboxMessage received = (await bob.GetInboxAsync("alice")).Single(m => m.Id == sent.Id);
    ContactSummary sender = await bob.GetContactAsync("alice");
    Console.WriteLine($"bob got from {received.From} ({sender.Verification}, {received.Via}): {received.Text}");
}

temp.Delete(recursive: true);
