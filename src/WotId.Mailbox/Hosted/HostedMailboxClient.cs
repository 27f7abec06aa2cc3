// The IMailbox of a hosted mailbox (docs/mailbox.md "Hosted mailboxes"): each call is one request/response on a new
// stream of /wotid/mailbox/1.0.0 to the host, signed with the caller's ML-DSA-65 key where the operation acts as a
// caller. The stream comes from a delegate, so this class needs no libp2p types (the node opens libp2p streams).
// Transport failures are MailboxError.NodeUnreachable (transient: a send stays queued); the host's refusals come
// back as the same MailboxException, ArgumentException or ArgumentOutOfRangeException the embedded mailbox throws.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Hosted;

/// <summary>A mailbox on a mailbox host, acting as the signer's key.</summary>
public sealed class HostedMailboxClient : IMailbox
{
    private readonly byte[] _hostPeerId;
    private readonly Func<CancellationToken, Task<Stream>> _openStream;
    private readonly IMailboxRequestSigner _signer;
    private readonly TimeProvider _time;

    /// <summary>Creates the client.</summary>
    /// <param name="hostPeerId">The host's peer id (bytes); requests are signed for it.</param>
    /// <param name="openStream">Opens a new stream of <see cref="HostedMailboxProtocol.ProtocolId"/> to the host.</param>
    /// <param name="signer">The caller's key.</param>
    /// <param name="time">Clock for request timestamps.</param>
    public HostedMailboxClient(ReadOnlyMemory<byte> hostPeerId, Func<CancellationToken, Task<Stream>> openStream, IMailboxRequestSigner signer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(openStream);
        ArgumentNullException.ThrowIfNull(signer);
        _hostPeerId = hostPeerId.ToArray();
        _openStream = openStream;
        _signer = signer;
        _time = time ?? TimeProvider.System;
        Caller = HostedMailboxProtocol.CallerAddress(signer.PublicKey.Span);
    }

    /// <inheritdoc />
    public IotaAddress Caller { get; }

    /// <inheritdoc />
    public async Task<MailboxHandle> CreateAsync(ReadOnlyMemory<byte> encryptionKey, ulong maxPayloadBytes, CancellationToken cancellationToken) =>
        (await CallAsync(new HostedRequest { Op = HostedOp.Create, Data = encryptionKey.ToArray(), MaxPayloadBytes = maxPayloadBytes }, cancellationToken)
            .ConfigureAwait(false)).Handle!;

    /// <inheritdoc />
    public async Task<MailboxInfo> GetMailboxAsync(IotaAddress mailboxId, CancellationToken cancellationToken) =>
        (await CallAsync(new HostedRequest { Op = HostedOp.GetMailbox, MailboxId = mailboxId }, cancellationToken).ConfigureAwait(false)).Info!;

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(IotaAddress mailboxId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        (await CallAsync(new HostedRequest { Op = HostedOp.Send, MailboxId = mailboxId, Data = payload.ToArray() }, cancellationToken).ConfigureAwait(false)).Sent!;

    /// <inheritdoc />
    public async Task<MessagePage> ListAsync(IotaAddress mailboxId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        // Sizes a u16 cannot carry are refused here with the same exception the host gives for 0 or 51.
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, ushort.MaxValue);
        HostedRequest request = new() { Op = HostedOp.List, MailboxId = mailboxId, Cursor = cursor, PageSize = pageSize };
        return (await CallAsync(request, cancellationToken).ConfigureAwait(false)).Page!;
    }

    /// <inheritdoc />
    public Task ClaimAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken) =>
        CallAsync(Owner(HostedOp.Claim, mailbox, messageId), cancellationToken);

    /// <inheritdoc />
    public async Task<MailboxMessage> ReadAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken) =>
        (await CallAsync(Owner(HostedOp.Read, mailbox, messageId), cancellationToken).ConfigureAwait(false)).Message!;

    /// <inheritdoc />
    public Task DeleteAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken) =>
        CallAsync(Owner(HostedOp.Delete, mailbox, messageId), cancellationToken);

    /// <inheritdoc />
    public async Task<MailboxMessage> ReceiveAndDeleteAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken) =>
        (await CallAsync(Owner(HostedOp.ReceiveAndDelete, mailbox, messageId), cancellationToken).ConfigureAwait(false)).Message!;

    /// <inheritdoc />
    public Task SetBlockedAsync(MailboxHandle mailbox, IotaAddress sender, bool blocked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        HostedRequest request = new() { Op = HostedOp.SetBlocked, MailboxId = mailbox.MailboxId, CapId = mailbox.CapId, Target = sender, Blocked = blocked };
        return CallAsync(request, cancellationToken);
    }

    /// <summary>Encodes, signs (where needed) and sends one request; throws what the host refused with.</summary>
    internal async Task<HostedResponse> CallAsync(HostedRequest request, CancellationToken cancellationToken)
    {
        HostedRequest stamped = new()
        {
            Op = request.Op,
            TimestampMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            Nonce = RandomBytes.Get(HostedMailboxProtocol.NonceBytes),
            MailboxId = request.MailboxId,
            CapId = request.CapId,
            Target = request.Target,
            Blocked = request.Blocked,
            Data = request.Data,
            MaxPayloadBytes = request.MaxPayloadBytes,
            Cursor = request.Cursor,
            PageSize = request.PageSize,
        };
        byte[] encoded = HostedRequestCodec.Encode(stamped, _hostPeerId, _signer);
        HostedResponse response = HostedResponseCodec.Decode(request.Op, await ExchangeAsync(encoded, cancellationToken).ConfigureAwait(false));
        return response.Status switch
        {
            HostedResponse.Ok => response,
            HostedResponse.MailboxFailure => throw new MailboxException(response.Error, "mailbox host: " + response.Text),
            HostedResponse.ArgumentOutOfRangeFailure => throw new ArgumentOutOfRangeException(response.ParamName, "mailbox host: " + response.Text),
            _ => throw new ArgumentException("mailbox host: " + response.Text, response.ParamName),
        };
    }

    /// <summary>Sends a raw request body and returns the raw response body (also used by the hostile-input tests).</summary>
    internal async Task<byte[]> ExchangeAsync(byte[] requestBody, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = await _openStream(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await HostedFraming.WriteAsync(stream, requestBody, cancellationToken).ConfigureAwait(false);
                return await HostedFraming.ReadAsync(stream, HostedMailboxProtocol.MaxFrameBytes, MailboxError.MalformedResponse, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (MailboxException)
        {
            throw;
        }
        catch (IOException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new MailboxException(MailboxError.NodeUnreachable, "the mailbox host cannot be reached: " + e.Message, e);
        }
    }

    private static HostedRequest Owner(HostedOp op, MailboxHandle mailbox, IotaAddress messageId)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new HostedRequest { Op = op, MailboxId = mailbox.MailboxId, CapId = mailbox.CapId, Target = messageId };
    }
}
