// A MailboxHost served over plain TCP on 127.0.0.1 for the mailbox project's own tests (the node serves it over
// libp2p). Each connection carries one request; its first byte is a test-only tag that stands for the peer id the
// libp2p connection would have authenticated, so tests can act as several peers.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Mailbox.Hosted;

namespace WotId.Mailbox.Tests.Hosted;

internal sealed class TcpMailboxHost : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _served = [];
    private readonly List<MLDsaPrivateKey> _keys = [];
    private readonly Task _accepting;

    public TcpMailboxHost(MailboxHostOptions? options = null, TimeProvider? time = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "wotid-hosted-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        HostPeerId = RandomBytes.Get(34);
        Host = new MailboxHost(Path.Combine(Folder, "hosted.db"), HostPeerId, options ?? new MailboxHostOptions { RequestsPerMinute = 60_000, Burst = 10_000 }, time);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Folder { get; }

    public byte[] HostPeerId { get; }

    public MailboxHost Host { get; }

    public static byte[] PeerIdOf(byte tag) => [tag, .. new byte[33]];

    /// <summary>A client acting as <paramref name="tag"/>'s peer with a new key (signing for <paramref name="signFor"/>, default this host).</summary>
    public HostedMailboxClient Client(byte tag, TimeProvider? time = null, byte[]? signFor = null, MLDsaPrivateKey? key = null)
    {
        if (key is null)
        {
            key = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
            lock (_keys)
            {
                _keys.Add(key);
            }
        }

        int port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        return new HostedMailboxClient(signFor ?? HostPeerId, async ct =>
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, port, ct);
            NetworkStream stream = tcp.GetStream();
            await stream.WriteAsync(new[] { tag }, ct);
            return new OwningStream(tcp, stream);
        }, new MLDsaRequestSigner(key), time);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] served;
        lock (_served)
        {
            served = [.. _served];
        }

        await Task.WhenAll(served);
        Host.Dispose();
        foreach (MLDsaPrivateKey k in _keys)
        {
            k.Dispose();
        }

        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_served)
            {
                _served.Add(ServeAsync(tcp));
            }
        }
    }

    private async Task ServeAsync(TcpClient tcp)
    {
        using (tcp)
        {
            try
            {
                NetworkStream stream = tcp.GetStream();
                var tag = new byte[1];
                await stream.ReadExactlyAsync(tag, _stop.Token);
                await Host.ServeAsync(stream, PeerIdOf(tag[0]), _stop.Token);

                // Half-close, then drain what the client still sends (the rest of a refused oversized request), so
                // closing never resets the connection before the client has read the answer.
                tcp.Client.Shutdown(SocketShutdown.Send);
                var sink = new byte[4096];
                while (await stream.ReadAsync(sink, _stop.Token) > 0)
                {
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // The client went away.
            }
        }
    }

    /// <summary>A network stream that also closes its socket.</summary>
    private sealed class OwningStream(TcpClient tcp, NetworkStream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                tcp.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
