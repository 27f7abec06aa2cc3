// Iterative lookup (Kademlia paper §2.3; libp2p/specs kad-dht/README.md "Peer routing"): keep the candidates
// sorted by XOR distance to the target, query up to α of the k closest not yet queried at a time, merge the
// closer peers each answer names, and stop when the k closest candidates that did not fail have all answered
// (or the caller's callback says the goal is reached). A peer that fails is dropped from the candidates and
// reported. Hop counts: a seed is at hop 0, a peer first named by a peer at hop h is at hop h + 1.
//
// | bound                | value                                                        |
// |----------------------|--------------------------------------------------------------|
// | requests in flight   | α                                                            |
// | requests per lookup  | MaxRequests (a hostile network cannot make a lookup endless) |
// | per-request time     | the caller's timeout                                         |
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>One iterative lookup toward a key.</summary>
internal sealed class KadLookup
{
    public const int MaxRequests = 512;

    private readonly List<Candidate> _candidates = new();
    private readonly HashSet<PeerId> _seen = new();
    private readonly KadKey _target;
    private readonly PeerId _self;

    public KadLookup(PeerId self, KadKey target)
    {
        _self = self;
        _target = target;
        _seen.Add(self);
    }

    /// <summary>Called for each peer that answered; return true to stop the lookup.</summary>
    public Func<KadContact, KadMessage, bool>? OnResponse { get; init; }

    /// <summary>Called for each peer that failed.</summary>
    public Action<KadContact, Exception>? OnFailure { get; init; }

    public async Task<LookupResult> RunAsync(
        IEnumerable<KadContact> seeds,
        Func<KadContact, CancellationToken, Task<KadMessage?>> query,
        int k,
        int alpha,
        CancellationToken cancellationToken)
    {
        foreach (KadContact s in seeds)
        {
            Offer(s, 0);
        }

        var inflight = new Dictionary<Task<(KadMessage? Response, Exception? Error)>, Candidate>();
        int requests = 0;
        int failures = 0;
        bool stopped = false;
        try
        {
            while (!stopped)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool allAnswered = true;
                int considered = 0;
                foreach (Candidate c in _candidates)
                {
                    if (c.State == CandidateState.Failed)
                    {
                        continue;
                    }

                    if (++considered > k)
                    {
                        break;
                    }

                    if (c.State != CandidateState.Answered)
                    {
                        allAnswered = false;
                    }

                    if (c.State == CandidateState.New && inflight.Count < alpha && requests < MaxRequests)
                    {
                        c.State = CandidateState.InFlight;
                        requests++;
                        inflight.Add(Capture(query(c.Contact, cancellationToken)), c);
                    }
                }

                if (allAnswered || inflight.Count == 0)
                {
                    break;
                }

                Task<(KadMessage? Response, Exception? Error)> done = await Task.WhenAny(inflight.Keys).ConfigureAwait(false);
                Candidate from = inflight[done];
                inflight.Remove(done);
                (KadMessage? response, Exception? error) = await done.ConfigureAwait(false);
                if (error is not null || response is null)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    from.State = CandidateState.Failed;
                    failures++;
                    OnFailure?.Invoke(from.Contact, error ?? new KadException(KadError.UnexpectedResponse, "no response"));
                    continue;
                }

                from.State = CandidateState.Answered;
                foreach (KadPeer p in response.CloserPeers)
                {
                    if (p.TryGetPeerId() is { } id)
                    {
                        Offer(KadContact.Of(id, p.ParsedAddresses()), from.Hop + 1);
                    }
                }

                stopped = OnResponse?.Invoke(from.Contact, response) ?? false;
            }
        }
        finally
        {
            // Requests still running belong to this lookup: wait for them (their outcome no longer matters).
            await Task.WhenAll(inflight.Keys).ConfigureAwait(false);
        }

        List<Candidate> answered = _candidates.Where(c => c.State == CandidateState.Answered).Take(k).ToList();
        Candidate? nearest = _candidates.FirstOrDefault(c => c.State != CandidateState.Failed);
        return new LookupResult(
            answered.Select(c => c.Contact).ToList(),
            requests,
            failures,
            nearest?.Hop ?? 0,
            stopped,
            _candidates.Select(c => c.Contact).FirstOrDefault(c => c.Key.Equals(_target)));
    }

    private void Offer(KadContact contact, int hop)
    {
        if (!_seen.Add(contact.Id))
        {
            return;
        }

        var c = new Candidate(contact, contact.Key.Xor(_target), hop);
        int i = _candidates.BinarySearch(c, CandidateComparer.Instance);
        _candidates.Insert(i < 0 ? ~i : i, c);
    }

    private static async Task<(KadMessage?, Exception?)> Capture(Task<KadMessage?> task)
    {
        try
        {
            return (await task.ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, e);
        }
    }

    private enum CandidateState
    {
        New,
        InFlight,
        Answered,
        Failed,
    }

    private sealed class Candidate(KadContact contact, KadKey distance, int hop)
    {
        public KadContact Contact { get; } = contact;

        public KadKey Distance { get; } = distance;

        public int Hop { get; } = hop;

        public CandidateState State { get; set; }
    }

    private sealed class CandidateComparer : IComparer<Candidate>
    {
        public static readonly CandidateComparer Instance = new();

        public int Compare(Candidate? x, Candidate? y) => x!.Distance.CompareTo(y!.Distance);
    }
}
