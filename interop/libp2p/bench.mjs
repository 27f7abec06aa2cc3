// js-libp2p 3.3.11 ↔ js-libp2p reference figures for docs/benchmarks-libp2p.md, measured the same way as the C#
// BenchmarkDotNet classes in bench/WotId.Benchmarks/Libp2p (both nodes in one process, loopback TCP, Noise + Yamux):
// dial→identify, ping RTT on one open stream, one-stream and 16-stream /perf/1.0.0 downloads, memory per idle
// connection. Prints one JSON object. Usage: node --expose-gc interop/libp2p/bench.mjs [--quick]
import './polyfill.mjs'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { perfHandler, perfClient, chunkBytes } from './streams.mjs'

const quick = process.argv.includes('--quick')
const PERF = '/perf/1.0.0'
const mk = (listen) => createLibp2p({
  addresses: { listen: listen ? ['/ip4/127.0.0.1/tcp/0'] : [] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  connectionManager: { inboundConnectionThreshold: 100000, maxConnections: 100000, maxIncomingPendingConnections: 1000 },
  services: { identify: identify(), ping: ping() }
})
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] }

const server = await mk(true)
await server.handle(PERF, (s) => perfHandler(s).catch((e) => s.abort(e)), { maxInboundStreams: 1024 })
const addr = server.getMultiaddrs()[0]
const client = await mk(false)

// dial → identify complete, fresh connection each time.
const dials = []
for (let i = 0; i < (quick ? 20 : 100) + 10; i++) {
  const start = performance.now()
  const identified = new Promise((resolve) => {
    const on = (e) => { if (e.detail.peerId.equals(server.peerId)) { client.removeEventListener('peer:identify', on); resolve() } }
    client.addEventListener('peer:identify', on)
  })
  await client.dial(addr)
  await identified
  if (i >= 10) dials.push(performance.now() - start)
  await client.hangUp(server.peerId)
}

// ping RTT on one open stream (32 bytes echoed), like the C# benchmark.
await client.dial(addr)
const ps = await client.dialProtocol(addr, '/ipfs/ping/1.0.0')
const rtts = []
for (let i = 0; i < (quick ? 200 : 1000) + 20; i++) {
  const data = crypto.getRandomValues(new Uint8Array(32))
  const start = performance.now()
  const done = new Promise((resolve) => {
    let got = 0
    const on = (e) => { got += chunkBytes(e.data).length; if (got >= 32) { ps.removeEventListener('message', on); resolve() } }
    ps.addEventListener('message', on)
  })
  ps.send(data)
  await done
  if (i >= 20) rtts.push(performance.now() - start)
}
await ps.close()

// one stream, 64 MiB download; 16 streams × 4 MiB.
const MiB = 1 << 20
const one = []
const sixteen = []
for (let run = 0; run < (quick ? 2 : 5); run++) {
  let t = performance.now()
  await perfClient(await client.dialProtocol(addr, PERF), 0, 64 * MiB)
  one.push(64 / ((performance.now() - t) / 1000))
  t = performance.now()
  await Promise.all(Array.from({ length: 16 }, async () => perfClient(await client.dialProtocol(addr, PERF), 0, 4 * MiB)))
  sixteen.push(64 / ((performance.now() - t) / 1000))
}
await client.hangUp(server.peerId)

// memory per idle connection: N forced connections from one client, both ends in this process.
const N = quick ? 100 : 200
globalThis.gc?.()
await new Promise((resolve) => setTimeout(resolve, 500))
const rss0 = process.memoryUsage().rss
const heap0 = process.memoryUsage().heapUsed
let opened = 0
for (let i = 0; i < N; i++) {
  try {
    await client.dial(addr, { force: true, signal: AbortSignal.timeout(30000) })
    opened++
  } catch {
    // a dial that times out on a loaded machine is not counted
  }
}
await new Promise((resolve) => setTimeout(resolve, 3000))
globalThis.gc?.()
const rss1 = process.memoryUsage().rss
const heap1 = process.memoryUsage().heapUsed
const open = client.getConnections(server.peerId).length

console.log(JSON.stringify({
  implementation: 'js-libp2p 3.3.11 (node ' + process.version + ')',
  dialToIdentifyMs: median(dials),
  pingRttMs: median(rtts),
  oneStreamMiBps: median(one),
  sixteenStreamsMiBps: median(sixteen),
  idleConnections: open,
  rssPerConnectionBytes: Math.round((rss1 - rss0) / Math.max(1, opened)),
  heapPerConnectionBytes: Math.round((heap1 - heap0) / Math.max(1, opened))
}))
await client.stop()
await server.stop()
process.exit(0)
