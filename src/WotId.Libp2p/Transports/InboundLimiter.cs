// Admission of inbound connections before any work is spent on them (libp2p/specs connections/README.md leaves
// resource limits to implementations; go-libp2p's resource manager and connection gater bound pending inbound
// connections per IP the same way). One limiter is shared by the host and its WebSocket listeners, so an HTTP
// upgrade counts as a pending inbound connection exactly like a TCP socket in its Noise handshake.
using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Transports;

/// <summary>Counts pending (not yet upgraded) inbound connections in total, per remote IP address and per subnet.</summary>
internal sealed class InboundLimiter
{
    private readonly object _lock = new();
    private readonly Dictionary<IPAddress, int> _perIp = new();
    private readonly Dictionary<UInt128, int> _perSubnet = new();
    private int _total;
    private TaskCompletionSource? _room;

    public InboundLimiter(int maxPending, int maxPerIp, TimeProvider time, int maxPerSubnet = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPending, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerIp, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerSubnet, 1);
        MaxPending = maxPending;
        MaxPerIp = maxPerIp;
        MaxPerSubnet = maxPerSubnet;
        Time = time;
    }

    /// <summary>Most pending inbound connections from one /24 (IPv4) or /64 (IPv6) subnet.</summary>
    public int MaxPerSubnet { get; }

    /// <summary>Called (outside the lock) for every refusal, e.g. to count it in the host's resource manager.</summary>
    public Action<InboundRefusal>? Refused { get; init; }

    /// <summary>The limit value behind <paramref name="refusal"/>.</summary>
    public int LimitOf(InboundRefusal refusal) => refusal switch
    {
        InboundRefusal.PendingInboundPerIp => MaxPerIp,
        InboundRefusal.PendingInboundPerSubnet => MaxPerSubnet,
        _ => MaxPending,
    };

    /// <summary>The subnet key of <paramref name="ip"/>: its first 24 bits (IPv4, tagged) or 64 bits (IPv6).</summary>
    internal static UInt128 SubnetOf(IPAddress ip)
    {
        Span<byte> bytes = stackalloc byte[16];
        ip.TryWriteBytes(bytes, out int written);
        if (written == 4)
        {
            return new UInt128(1, ((ulong)bytes[0] << 16) | ((ulong)bytes[1] << 8) | bytes[2]);
        }

        return new UInt128(2, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    /// <summary>Most pending inbound connections in total.</summary>
    public int MaxPending { get; }

    /// <summary>Most pending inbound connections from one IP address (loopback included).</summary>
    public int MaxPerIp { get; }

    /// <summary>The clock of upgrade timeouts of the connections this limiter admits.</summary>
    public TimeProvider Time { get; }

    /// <summary>Pending inbound connections now.</summary>
    public int Pending
    {
        get { lock (_lock) { return _total; } }
    }

    /// <summary>
    /// Completes once fewer than <see cref="MaxPending"/> connections are pending. Accept loops await it before each
    /// accept (go-libp2p's upgrader listener does the same with its accept threshold): while every slot is taken, new
    /// connections wait in the kernel's listen backlog, holding no file handle and no buffer of ours, instead of being
    /// accepted and closed at once, which let a reconnecting flood cost a full accept and close per attempt.
    /// </summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_total < MaxPending)
            {
                return Task.CompletedTask;
            }

            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _room.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Takes a slot for a connection from <paramref name="ip"/> (null when the transport has no IP, e.g. in memory: it
    /// then counts only against the total). Returns null and the limit that refused it when there is no slot.
    /// </summary>
    public InboundLease? TryAdmit(IPAddress? ip, out InboundRefusal refusal)
    {
        if (ip is not null && ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        refusal = TryTake(ip);
        if (refusal != InboundRefusal.None)
        {
            Refused?.Invoke(refusal);
            return null;
        }

        return new InboundLease(this, ip);
    }

    private InboundRefusal TryTake(IPAddress? ip)
    {
        UInt128 subnet = ip is null ? UInt128.Zero : SubnetOf(ip);
        lock (_lock)
        {
            if (_total >= MaxPending)
            {
                return InboundRefusal.PendingInbound;
            }

            int fromIp = 0, fromSubnet = 0;
            if (ip is not null && _perIp.TryGetValue(ip, out fromIp) && fromIp >= MaxPerIp)
            {
                return InboundRefusal.PendingInboundPerIp;
            }

            if (ip is not null && _perSubnet.TryGetValue(subnet, out fromSubnet) && fromSubnet >= MaxPerSubnet)
            {
                return InboundRefusal.PendingInboundPerSubnet;
            }

            _total++;
            if (ip is not null)
            {
                _perIp[ip] = fromIp + 1;
                _perSubnet[subnet] = fromSubnet + 1;
            }
        }

        return InboundRefusal.None;
    }

    internal void Release(IPAddress? ip)
    {
        TaskCompletionSource? room = null;
        lock (_lock)
        {
            _total--;
            if (ip is not null)
            {
                Decrement(_perIp, ip);
                Decrement(_perSubnet, SubnetOf(ip));
            }

            if (_total < MaxPending)
            {
                (room, _room) = (_room, null);
            }
        }

        room?.TrySetResult();
    }

    private static void Decrement<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        if (counts.TryGetValue(key, out int n))
        {
            if (n <= 1)
            {
                counts.Remove(key);
            }
            else
            {
                counts[key] = n - 1;
            }
        }
    }
}
