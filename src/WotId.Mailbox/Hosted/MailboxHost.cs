// A mailbox host (docs/mailbox.md "Hosted mailboxes"): serves /wotid/mailbox/1.0.0 requests against an embedded
// mailbox database of its own, with exactly the embedded mailbox's rules. The cap object is replaced by a signature:
// a signed request acts as CallerAddress(its ML-DSA-65 key), so the key that created a mailbox holds its cap and
// only requests signed by that key pass check_cap. Checks run cheapest first: the sending peer's rate limit, the
// frame limit, decoding, the timestamp window, the signature (for this host's peer id), then the nonce (remembered
// in SQLite, so a replay is refused across restarts too), then the operation with the host's storage quotas. This
// class does no network I/O of its own: ServeAsync runs one request/response on a stream the caller accepted.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Crypto;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Hosted;

/// <summary>Serves hosted mailboxes from one SQLite database.</summary>
public sealed class MailboxHost : IDisposable
{
    private static readonly IotaAddress s_anonymous = new(new byte[IotaAddress.Length]);
    private readonly EmbeddedMailboxStore _store;
    private readonly NonceStore _nonces;
    private readonly byte[] _hostPeerId;
    private readonly MailboxHostOptions _options;
    private readonly PeerRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Opens (or creates) the host database at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The SQLite file (the embedded mailbox schema plus the nonce table).</param>
    /// <param name="hostPeerId">This host's libp2p peer id (bytes), which every signed request must name.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="time">Clock for timestamps, rate limits and send times.</param>
    /// <param name="logger">Logs refusals (Debug) with the op, the peer and the error code only.</param>
    public MailboxHost(string databasePath, ReadOnlyMemory<byte> hostPeerId, MailboxHostOptions? options = null, TimeProvider? time = null, ILogger<MailboxHost>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _options = options ?? new MailboxHostOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _hostPeerId = hostPeerId.ToArray();
        _limiter = new PeerRateLimiter(_options, _time);
        _store = EmbeddedMailboxStore.Open(databasePath, _time);
        _nonces = new NonceStore(_store);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath => _store.Path;

    /// <summary>Reads one request from <paramref name="stream"/>, answers it, and returns (the caller closes the stream).</summary>
    /// <param name="stream">A stream of <see cref="HostedMailboxProtocol.ProtocolId"/>.</param>
    /// <param name="remotePeerId">The authenticated peer id of the other side (bytes), for the rate limit.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    public async Task ServeAsync(Stream stream, ReadOnlyMemory<byte> remotePeerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] response;
        if (!_limiter.TryTake(remotePeerId.Span))
        {
            response = Refuse(null, remotePeerId.Span, MailboxError.RateLimited, "too many requests from this peer; retry later");
        }
        else
        {
            try
            {
                byte[] body = await HostedFraming.ReadAsync(stream, HostedMailboxProtocol.MaxFrameBytes, MailboxError.MalformedRequest, cancellationToken)
                    .ConfigureAwait(false);
                response = Handle(body, remotePeerId.Span);
            }
            catch (MailboxException e)
            {
                response = Refuse(null, remotePeerId.Span, e.Error, e.Message);
            }
        }

        await HostedFraming.WriteAsync(stream, response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _nonces.Dispose();
        _store.Dispose();
    }

    /// <summary>Answers one request body (rate limit already taken). Never throws for a peer's bytes.</summary>
    internal byte[] Handle(ReadOnlySpan<byte> body, ReadOnlySpan<byte> remotePeer)
    {
        HostedRequest request;
        try
        {
            request = HostedRequestCodec.Decode(body);
        }
        catch (MailboxException e)
        {
            return Refuse(null, remotePeer, e.Error, e.Message);
        }

        IotaAddress caller = s_anonymous;
        if (HostedOps.IsSigned(request.Op))
        {
            long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            long skew = (long)_options.MaxClockSkew.TotalMilliseconds;
            if (request.TimestampMs < now - skew || request.TimestampMs > now + skew)
            {
                return Refuse(request.Op, remotePeer, MailboxError.StaleRequest, "the request's timestamp is outside the host's window");
            }

            byte[] signed = HostedMailboxProtocol.SignedMessage(_hostPeerId, body[..request.SignedLength]);
            if (!MLDsa.Verify(HostedMailboxProtocol.SignatureAlgorithm, request.PublicKey, signed, ReadOnlySpan<byte>.Empty, request.Signature))
            {
                return Refuse(request.Op, remotePeer, MailboxError.BadSignature, "the signature does not verify for this key and this host");
            }

            if (!_nonces.TryRecord(request.Nonce, request.TimestampMs + skew, now))
            {
                return Refuse(request.Op, remotePeer, MailboxError.Replayed, "this request was seen before");
            }

            caller = HostedMailboxProtocol.CallerAddress(request.PublicKey);
        }

        try
        {
            HostedResponse result = Execute(new EmbeddedMailbox(_store, caller) { Quota = _options }, request);
            return HostedResponseCodec.Encode(request.Op, result);
        }
        catch (MailboxException e)
        {
            return Refuse(request.Op, remotePeer, e.Error, e.Message);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return HostedResponseCodec.Encode(request.Op, new HostedResponse { Status = HostedResponse.ArgumentOutOfRangeFailure, ParamName = e.ParamName, Text = e.Message });
        }
        catch (ArgumentException e)
        {
            return HostedResponseCodec.Encode(request.Op, new HostedResponse { Status = HostedResponse.ArgumentFailure, ParamName = e.ParamName, Text = e.Message });
        }
    }

    private static HostedResponse Execute(EmbeddedMailbox m, HostedRequest q)
    {
        switch (q.Op)
        {
            case HostedOp.Create:
                return new HostedResponse { Handle = m.Create(q.Data, q.MaxPayloadBytes) };
            case HostedOp.GetMailbox:
                return new HostedResponse { Info = m.Info(q.MailboxId) };
            case HostedOp.Send:
                (IotaAddress id, ulong seq) = m.Send(q.MailboxId, q.Data);
                return new HostedResponse { Sent = new SendResult(true, id, seq) };
            case HostedOp.List:
                return new HostedResponse { Page = m.ListPage(q.MailboxId, q.Cursor, q.PageSize) };
            case HostedOp.Claim:
                m.Claim(q.Handle, q.Target);
                return new HostedResponse();
            case HostedOp.Read:
                return new HostedResponse { Message = m.Read(q.Handle, q.Target) };
            case HostedOp.Delete:
                m.Delete(q.Handle, q.Target);
                return new HostedResponse();
            case HostedOp.ReceiveAndDelete:
                return new HostedResponse { Message = m.ReceiveAndDelete(q.Handle, q.Target) };
            default:
                m.SetBlocked(q.Handle, q.Target, q.Blocked);
                return new HostedResponse();
        }
    }

    private byte[] Refuse(HostedOp? op, ReadOnlySpan<byte> peer, MailboxError error, string message)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            string operation = op?.ToString() ?? "request";
            string peerHex = Convert.ToHexString(peer);
            MailboxLog.HostRefused(_logger, operation, peerHex, error);
        }

        return HostedResponseCodec.Encode(op ?? HostedOp.GetMailbox, HostedResponse.Refused(error, message));
    }
}
