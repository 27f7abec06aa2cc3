// A TCP proxy on 127.0.0.1 that delays every byte from the client to the server by a fixed time, in order: a peer
// behind it answers Yamux pings late, which is how a hostile peer inflates the RTT the server measures. HoldReplies
// stops the bytes from the server to the client (they wait until the proxy is disposed): a peer that goes silent.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace WotId.Libp2p.Tests.Hostile;

internal sealed class DelayingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly TimeSpan _delay;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = new();
    private readonly Task _accept;
    private volatile bool _holding;

    public DelayingProxy(IPEndPoint target, TimeSpan delay)
    {
        _target = target;
        _delay = delay;
        _listener.Start();
        _accept = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>From now on, bytes from the server are held back (the client hears nothing more from it).</summary>
    public void HoldReplies() => _holding = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accept;
        Task[] tasks;
        lock (_tasks)
        {
            tasks = _tasks.ToArray();
        }

        await Task.WhenAll(tasks);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_tasks)
            {
                _tasks.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using Socket server = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (client)
        {
            try
            {
                await server.ConnectAsync(_target, _stop.Token);
                var delayed = Channel.CreateBounded<(long Due, byte[] Data)>(4096);
                Task up = PumpAsync(client, delayed.Writer);
                Task deliver = DeliverAsync(delayed.Reader, server);
                Task down = CopyAsync(server, client);
                await Task.WhenAny(Task.WhenAll(up, deliver), down);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or ChannelClosedException)
            {
                // Either side went away or the proxy stopped.
            }
        }
    }

    private async Task PumpAsync(Socket from, ChannelWriter<(long, byte[])> to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                await to.WriteAsync((Stopwatch.GetTimestamp() + (long)(_delay.TotalSeconds * Stopwatch.Frequency), buffer.AsSpan(0, n).ToArray()), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }
        finally
        {
            to.TryComplete();
        }
    }

    private async Task DeliverAsync(ChannelReader<(long Due, byte[] Data)> from, Socket to)
    {
        try
        {
            await foreach ((long due, byte[] data) in from.ReadAllAsync(_stop.Token))
            {
                TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _stop.Token);
                }

                await to.SendAsync(data, SocketFlags.None, _stop.Token);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                if (_holding)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }
    }
}
