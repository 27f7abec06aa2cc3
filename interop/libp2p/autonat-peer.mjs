// js-libp2p 3.3.11 peer for the AutoNAT v2 interop tests, with @libp2p/autonat-v2 2.0.15 (client and server in one
// service): TCP, Noise, Yamux, identify + push, ping. js only asks about, and only dials, public addresses
// (@libp2p/utils isPrivateIp: loopback, RFC 1918, CGNAT and the documentation ranges are all private), so the tests run
// it inside a network namespace on public-looking addresses.
// Arguments: --listen ADDR (may repeat; default /ip4/127.0.0.1/tcp/0). Prints {"event":"ready","peerId":...,"addrs":[...]}
// and answers JSON command lines (with "id"): dial {addr}, addrs (with AutoNAT verification state), peers.
// Exits when stdin closes.
import './polyfill.mjs'
import { out, serveCommands } from './commands.mjs'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify, identifyPush } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { autoNATv2 } from '@libp2p/autonat-v2'
import { multiaddr } from '@multiformats/multiaddr'

const argv = process.argv.slice(2)
const listen = []
for (let i = 0; i < argv.length; i++) if (argv[i] === '--listen') listen.push(argv[++i])
if (listen.length === 0) listen.push('/ip4/127.0.0.1/tcp/0')

const node = await createLibp2p({
  addresses: { listen },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  services: { identify: identify(), identifyPush: identifyPush(), ping: ping(), autoNAT: autoNATv2() }
})

out({ event: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map((a) => a.toString()) })

const describe = (c) => ({ peer: c.remotePeer.toString(), addr: c.remoteAddr.toString(), direction: c.direction, status: c.status })

async function run (cmd) {
  const signal = AbortSignal.timeout(cmd.timeoutMs ?? 60000)
  switch (cmd.cmd) {
    case 'dial':
      return describe(await node.dial(multiaddr(cmd.addr), { signal }))
    case 'addrs':
      return {
        addrs: node.components.addressManager.getAddressesWithMetadata()
          .map((a) => ({ addr: a.multiaddr.toString(), verified: a.verified, type: a.type }))
      }
    case 'peers':
      return { connections: node.getConnections().map(describe) }
    default:
      throw new Error('unknown command ' + cmd.cmd)
  }
}

await serveCommands(run)

await node.stop()
process.exit(0)
