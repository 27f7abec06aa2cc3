// js-libp2p 3.3.11 peer for the Circuit Relay v2 / DCUtR interop tests: TCP + the circuit relay transport, Noise,
// Yamux, identify + push, ping and /wotid/echo/1.0.0 (allowed on limited, i.e. relayed, connections).
// Arguments: --relay-server (serve the hop protocol, 128 reservations, js default circuit limits), --dcutr (enable the
// DCUtR service), --listen ADDR (extra listen address, e.g. <relay addr>/p2p-circuit to reserve on that relay; may
// repeat), --no-loopback (do not add the default 127.0.0.1 listen address: in a network namespace with public-looking
// addresses the DCUtR addresses then hold only those), --announce ADDR (append to the announced addresses: js announces
// a public listen address only once AutoNAT verified it, so a peer that knows its public address states it; may
// repeat), --debug NAMESPACES (js's own debug log on stderr, e.g.
// libp2p:dcutr*). Prints {"event":"ready","peerId":...,"addrs":[...]} and answers JSON command lines (with "id"):
// dial {addr}, echo {addr|peer, size}, ping {peer}, addrs, peers, peer-addrs {peer}. Exits when stdin closes.
import './polyfill.mjs'
import { out, serveCommands } from './commands.mjs'
import { randomBytes } from 'node:crypto'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify, identifyPush } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { circuitRelayTransport, circuitRelayServer } from '@libp2p/circuit-relay-v2'
import { dcutr } from '@libp2p/dcutr'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { enable } from '@libp2p/logger'
import { echoHandler, sendAll, readAll } from './streams.mjs'

const ECHO = '/wotid/echo/1.0.0'
const argv = process.argv.slice(2)
const listen = argv.includes('--no-loopback') ? [] : ['/ip4/127.0.0.1/tcp/0']
const appendAnnounce = []
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--listen') listen.push(argv[++i])
  else if (argv[i] === '--announce') appendAnnounce.push(argv[++i])
}
const debug = argv.indexOf('--debug')
if (debug >= 0) enable(argv[debug + 1])

const services = { identify: identify(), identifyPush: identifyPush(), ping: ping() }
if (argv.includes('--relay-server')) services.relay = circuitRelayServer({ reservations: { maxReservations: 128 } })
if (argv.includes('--dcutr')) services.dcutr = dcutr()

const node = await createLibp2p({
  addresses: { listen, appendAnnounce },
  transports: [tcp(), circuitRelayTransport()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  connectionManager: { inboundConnectionThreshold: 1000, maxConnections: 1000 },
  services
})
const opts = { maxInboundStreams: 256, maxOutboundStreams: 256, runOnLimitedConnection: true }
await node.handle(ECHO, (stream) => echoHandler(stream).catch((e) => stream.abort(e)), opts)

out({ event: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map((a) => a.toString()) })

const target = (cmd) => (cmd.addr != null ? multiaddr(cmd.addr) : peerIdFromString(cmd.peer))
const describe = (c) => ({ peer: c.remotePeer.toString(), addr: c.remoteAddr.toString(), limited: c.limits != null, direction: c.direction, status: c.status })

async function run (cmd) {
  const signal = AbortSignal.timeout(cmd.timeoutMs ?? 60000)
  switch (cmd.cmd) {
    case 'dial':
      return describe(await node.dial(target(cmd), { signal }))
    case 'echo': {
      const data = randomBytes(cmd.size ?? 1000)
      const stream = await node.dialProtocol(target(cmd), ECHO, { signal, runOnLimitedConnection: true })
      const reading = readAll(stream)
      await sendAll(stream, data)
      await stream.close()
      const back = await reading
      if (Buffer.compare(Buffer.from(back), data) !== 0) throw new Error(`echo mismatch: sent ${data.length}, got ${back.length}`)
      return { bytes: data.length }
    }
    case 'ping':
      // Over the connection js picks (a direct one when there is one); limited connections are refused by ping.
      return { rtt: await node.services.ping.ping(peerIdFromString(cmd.peer), { signal }) }
    case 'addrs':
      return { addrs: node.getMultiaddrs().map((a) => a.toString()) }
    case 'peers':
      return { connections: node.getConnections().map(describe) }
    case 'peer-addrs': {
      // What js's peer store holds for a peer: each address, and whether it came from a verified signed peer record.
      const peer = await node.peerStore.get(peerIdFromString(cmd.peer))
      return { addrs: peer.addresses.map((a) => ({ addr: a.multiaddr.toString(), certified: a.isCertified })) }
    }
    default:
      throw new Error('unknown command ' + cmd.cmd)
  }
}

await serveCommands(run)

await node.stop()
process.exit(0)
