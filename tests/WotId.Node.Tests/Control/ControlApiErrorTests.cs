// Errors both ways (docs/node.md "Control API"): each NodeError the node throws becomes its HTTP status and snake_case
// code, and ControlApiClient turns the response back into the same NodeError and message. A failure that is no
// NodeException is a 500 whose message says nothing of it.
using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Tests.Control;

public sealed class ControlApiErrorTests
{
    public static TheoryData<NodeError, HttpStatusCode, string> Errors => new()
    {
        { NodeError.UnknownContact, HttpStatusCode.NotFound, "unknown_contact" },
        { NodeError.InvalidInput, HttpStatusCode.BadRequest, "invalid_input" },
        { NodeError.InvalidInvitation, HttpStatusCode.BadRequest, "invalid_invitation" },
        { NodeError.ContactExists, HttpStatusCode.Conflict, "contact_exists" },
        { NodeError.KeyChangeHeld, HttpStatusCode.Conflict, "key_change_held" },
        { NodeError.Unreachable, HttpStatusCode.ServiceUnavailable, "unreachable" },
        { NodeError.NoCredential, HttpStatusCode.Conflict, "no_credential" },
        { NodeError.AlreadyRunning, HttpStatusCode.InternalServerError, "already_running" },
        { NodeError.NotRunning, HttpStatusCode.InternalServerError, "not_running" },
        { NodeError.Unauthorized, HttpStatusCode.Unauthorized, "unauthorized" },
        { NodeError.Failed, HttpStatusCode.InternalServerError, "failed" },
        { NodeError.UnknownFile, HttpStatusCode.NotFound, "unknown_file" },
        { NodeError.InvalidCredential, HttpStatusCode.UnprocessableEntity, "invalid_credential" },
    };

    [Fact]
    public void EveryNodeErrorHasARow() => Assert.Equal(Enum.GetValues<NodeError>().Length, Errors.Count);

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task NodeErrorMapsToStatusAndCode(NodeError error, HttpStatusCode status, string code)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        h.Node.FailNext = new NodeException(error, "the node says " + code);
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.GetAsync("v1/contacts/bob", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, status, code);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task ClientMapsTheErrorBack(NodeError error, HttpStatusCode status, string code)
    {
        _ = status;
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        h.Node.FailNext = new NodeException(error, "the node says " + code);
        NodeException e = await Assert.ThrowsAsync<NodeException>(() => h.Client.SendTextAsync("bob", "hi", ControlApiHarness.Ct));
        Assert.Equal(error, e.Error);
        Assert.Equal("the node says " + code, e.Message);
    }

    [Fact]
    public async Task UnexpectedFailureIsAnOpaque500()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        h.Node.FailNext = new InvalidOperationException("secret key 0123456789abcdef");
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.GetAsync("v1/status", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "failed");
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(ControlApiHarness.Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1/conversations/bob?limit=0")]
    [InlineData("v1/conversations/bob?limit=10001")]
    [InlineData("v1/conversations/bob?limit=abc")]
    public async Task OutOfBoundsQueryIsInvalidInput(string path)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.GetAsync(path, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_input");
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task ClientChecksBoundsThroughTheServer()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        NodeException text = await Assert.ThrowsAsync<NodeException>(() => h.Client.SendTextAsync("bob", new string('x', 16_385), ControlApiHarness.Ct));
        Assert.Equal(NodeError.InvalidInput, text.Error);
        NodeException name = await Assert.ThrowsAsync<NodeException>(() => h.Client.GetContactAsync(new string('n', 257), ControlApiHarness.Ct));
        Assert.Equal(NodeError.InvalidInput, name.Error);
        NodeException invitation = await Assert.ThrowsAsync<NodeException>(() => h.Client.AddContactAsync(new string('w', 16_385), null, ControlApiHarness.Ct));
        Assert.Equal(NodeError.InvalidInput, invitation.Error);
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task StoppedServerIsNotRunning()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        await h.StopServerAsync();
        NodeException e = await Assert.ThrowsAsync<NodeException>(() => h.Client.GetStatusAsync(ControlApiHarness.Ct));
        Assert.Equal(NodeError.NotRunning, e.Error);
    }
}
