// A js-libp2p 3.3.11 node with TCP + /ws, @chainsafe/libp2p-noise and yamux only (no identify/ping), for the C#
// Noise / multistream / transport interop tests. JSON lines: prints {"event":"ready",...}, then one line per
// connection event and per command result. Commands on stdin: {"cmd":"dial","addr":"..."}, {"cmd":"hangup"}.
// Exits when stdin closes.
import './polyfill.mjs'
import { createInterface } from 'node:readline'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { webSockets } from '@libp2p/websockets'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { multiaddr } from '@multiformats/multiaddr'

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/tcp/0/ws'] },
  transports: [tcp(), webSockets()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  connectionManager: { inboundConnectionThreshold: 1000 }
})

node.addEventListener('connection:open', (e) => {
  const c = e.detail
  out({ event: 'open', remotePeer: c.remotePeer.toString(), remoteAddr: c.remoteAddr.toString(), direction: c.direction, encryption: c.encryption, multiplexer: c.multiplexer })
})

out({ event: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map((a) => a.toString()) })

const rl = createInterface({ input: process.stdin })
for await (const line of rl) {
  if (line.trim() === '') continue
  const cmd = JSON.parse(line)
  try {
    if (cmd.cmd === 'dial') {
      const conn = await node.dial(multiaddr(cmd.addr), { signal: AbortSignal.timeout(cmd.timeoutMs ?? 10000) })
      out({ event: 'dial', ok: true, remotePeer: conn.remotePeer.toString(), encryption: conn.encryption, multiplexer: conn.multiplexer })
    } else if (cmd.cmd === 'hangup') {
      await Promise.all(node.getConnections().map((c) => c.close().catch(() => c.abort(new Error('hangup')))))
      out({ event: 'hangup', ok: true })
    } else {
      out({ event: cmd.cmd, ok: false, error: 'unknown command' })
    }
  } catch (err) {
    out({ event: cmd.cmd, ok: false, error: `${err.name}: ${err.message}` })
  }
}

await node.stop()
process.exit(0)
