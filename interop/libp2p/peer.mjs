// js-libp2p 3.3.11 reference peer for the C# host tests (upper layers): TCP + /ws, Noise, Yamux, identify + push,
// ping, a hand-written /perf/1.0.0 handler (@libp2p/perf is not installable) and /wotid/echo/1.0.0.
// Prints {"event":"ready","peerId":...,"addrs":[...]} and then one JSON line per command result (with the command's
// "id"). Commands on stdin (JSON lines): dial, identify, ping, echo, perf, halfclose, reset, hold, peers, exit.
// Exits when stdin closes.
import './polyfill.mjs'
import { out, serveCommands } from './commands.mjs'
import { randomBytes } from 'node:crypto'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { webSockets } from '@libp2p/websockets'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify, identifyPush } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { echoHandler, perfHandler, perfClient, sendAll, readAll, readToEnd, chunkBytes } from './streams.mjs'

const ECHO = '/wotid/echo/1.0.0'
const PERF = '/perf/1.0.0'

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/tcp/0/ws'] },
  transports: [tcp(), webSockets()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  connectionManager: { inboundConnectionThreshold: 1000, maxConnections: 1000 },
  services: { identify: identify(), identifyPush: identifyPush(), ping: ping() }
})
const opts = { maxInboundStreams: 256, maxOutboundStreams: 256, runOnLimitedConnection: true }
await node.handle(ECHO, (stream) => echoHandler(stream).catch((e) => stream.abort(e)), opts)
await node.handle(PERF, (stream) => perfHandler(stream).catch((e) => stream.abort(e)), opts)

const identified = new Map()
node.addEventListener('peer:identify', (e) => {
  const r = e.detail
  const info = {
    peer: r.peerId.toString(),
    protocols: r.protocols,
    listenAddrs: r.listenAddrs.map((a) => a.toString()),
    agentVersion: r.agentVersion,
    signedPeerRecord: r.signedPeerRecord != null ? r.signedPeerRecord.addresses.map((a) => a.toString()) : null
  }
  identified.set(info.peer, info)
  out({ event: 'identify', ...info })
})

out({ event: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map((a) => a.toString()) })

const target = (cmd) => (cmd.addr != null ? multiaddr(cmd.addr) : peerIdFromString(cmd.peer))
const held = []

async function waitIdentified (peer, ms) {
  const end = Date.now() + ms
  while (!identified.has(peer)) {
    if (Date.now() > end) throw new Error('identify did not complete')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return identified.get(peer)
}

async function run (cmd) {
  const signal = AbortSignal.timeout(cmd.timeoutMs ?? 60000)
  switch (cmd.cmd) {
    case 'dial': {
      const conn = await node.dial(target(cmd), { signal })
      const peer = conn.remotePeer.toString()
      const info = await waitIdentified(peer, 10000)
      return { peer, encryption: conn.encryption, multiplexer: conn.multiplexer, remoteAddr: conn.remoteAddr.toString(), identify: info }
    }
    case 'identify':
      return await waitIdentified(cmd.peer, cmd.timeoutMs ?? 10000)
    case 'ping': {
      const rtts = []
      for (let i = 0; i < (cmd.count ?? 1); i++) rtts.push(await node.services.ping.ping(target(cmd), { signal }))
      return { rtts }
    }
    case 'echo': {
      // count concurrent streams: `large` of them (default 1) carry `size` bytes, the rest 1..small random bytes.
      const small = cmd.small ?? cmd.size
      const sizes = Array.from({ length: cmd.count ?? 1 }, (_, i) => (i < (cmd.large ?? 1) ? cmd.size : 1 + Math.floor(Math.random() * small)))
      await Promise.all(sizes.map(async (size) => {
        const data = randomBytes(size)
        const stream = await node.dialProtocol(target(cmd), ECHO, { signal })
        const reading = readAll(stream)
        await sendAll(stream, data)
        await stream.close()
        const back = await reading
        if (Buffer.compare(Buffer.from(back), data) !== 0) throw new Error(`echo mismatch: sent ${size}, got ${back.length}`)
      }))
      return { streams: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) }
    }
    case 'perf': {
      const stream = await node.dialProtocol(target(cmd), PERF, { signal })
      return await perfClient(stream, cmd.upload, cmd.download)
    }
    case 'halfclose': {
      // Write, half-close, and expect the C# side to finish reading and answer before it closes its side.
      const stream = await node.dialProtocol(target(cmd), cmd.protocol ?? ECHO, { signal })
      const reading = readAll(stream)
      await sendAll(stream, new TextEncoder().encode(cmd.text ?? 'half-close'))
      await stream.close()
      const back = await reading
      return { text: new TextDecoder().decode(back), writeStatus: stream.writeStatus, readStatus: stream.readStatus }
    }
    case 'reset': {
      // Open, send a little, then abort (yamux RST).
      const stream = await node.dialProtocol(target(cmd), cmd.protocol, { signal })
      stream.send(new Uint8Array([1, 2, 3]))
      await new Promise((resolve) => setTimeout(resolve, 50))
      stream.abort(new Error('test reset'))
      return { status: stream.status }
    }
    case 'read': {
      // Open a stream, half-close it, and read until the remote ends it; report how it ended (eof or error name).
      const stream = await node.dialProtocol(target(cmd), cmd.protocol, { signal })
      const reading = readToEnd(stream)
      await stream.close()
      try {
        const data = await reading
        return { end: 'eof', bytes: data.length }
      } catch (err) {
        return { end: 'error', error: err.name }
      }
    }
    case 'hold': {
      // Open an echo stream, prove it works, keep it open (the test then kills this process).
      const stream = await node.dialProtocol(target(cmd), ECHO, { signal })
      held.push(stream)
      stream.send(new Uint8Array([42]))
      for await (const c of stream) { if (chunkBytes(c).length > 0) break }
      return { holding: held.length }
    }
    case 'peerinfo': {
      // What the js peer store knows about a peer (updated by identify and identify/push).
      const p = await node.peerStore.get(peerIdFromString(cmd.peer))
      return { protocols: p.protocols, addrs: p.addresses.map((a) => a.multiaddr.toString()) }
    }
    case 'handle': {
      // Register another echo protocol; js then sends identify/push to connected peers.
      await node.handle(cmd.protocol, (stream) => echoHandler(stream).catch((e) => stream.abort(e)), opts)
      return { protocols: node.getProtocols() }
    }
    case 'peers':
      return { peers: node.getConnections().map((c) => ({ peer: c.remotePeer.toString(), addr: c.remoteAddr.toString(), status: c.status })) }
    default:
      throw new Error('unknown command ' + cmd.cmd)
  }
}

await serveCommands(run)

await node.stop()
process.exit(0)
