// js-libp2p 3.3.11 + @libp2p/kad-dht 16.4.5 reference DHT peer for the C# Kademlia tests: TCP, Noise, Yamux,
// identify, ping, and a DHT in server mode on the protocol given as argv[2] (default /ipfs/kad/1.0.0), addresses
// passed through unfiltered (loopback), with a validator for the /wotid-test/ namespace: a value is an 8-byte
// big-endian sequence number and a payload, shorter values are invalid, and the highest sequence wins.
// Prints {"event":"ready","peerId":...,"addrs":[...]} and then one JSON line per command result (with the command's
// "id"). Commands on stdin (JSON lines): dial, table, put, get, findPeer, closest.
// Exits when stdin closes.
import './polyfill.mjs'
import { out, serveCommands } from './commands.mjs'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'

const protocol = process.argv[2] ?? '/ipfs/kad/1.0.0'
const hex = (u8) => Buffer.from(u8).toString('hex')
const unhex = (s) => new Uint8Array(Buffer.from(s, 'hex'))
const seq = (v) => Buffer.from(v).readBigUInt64BE(0)

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  services: {
    identify: identify(),
    ping: ping(),
    dht: kadDHT({
      protocol,
      clientMode: false,
      peerInfoMapper: passthroughMapper,
      allowQueryWithZeroPeers: true,
      validators: {
        'wotid-test': async (key, value) => { if (value.length < 8) throw new Error('no sequence number') }
      },
      selectors: {
        'wotid-test': (key, values) => {
          let best = 0
          values.forEach((v, i) => { if (seq(v) > seq(values[best])) best = i })
          return best
        }
      }
    })
  }
})
await node.services.dht.setMode('server')
out({ event: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map((a) => a.toString()) })

async function drain (events) {
  const list = []
  for await (const e of events) list.push(e)
  return list
}

async function run (cmd) {
  const signal = AbortSignal.timeout(cmd.timeoutMs ?? 30000)
  const dht = node.services.dht
  switch (cmd.cmd) {
    case 'dial': {
      const conn = await node.dial(multiaddr(cmd.addr), { signal })
      const peer = conn.remotePeer.toString()
      // The DHT adds the peer once identify shows the protocol and a ping succeeds.
      const end = Date.now() + (cmd.waitMs ?? 10000)
      while (!(await inTable(peer)) && Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return { peer, inTable: await inTable(peer) }
    }
    case 'table':
      return { size: dht.routingTable.size }
    case 'put': {
      const events = await drain(dht.put(unhex(cmd.key), unhex(cmd.value), { signal }))
      return { peers: events.filter((e) => e.name === 'PEER_RESPONSE').map((e) => e.from.toString()) }
    }
    case 'get': {
      const events = await drain(dht.get(unhex(cmd.key), { signal }))
      const values = events.filter((e) => e.name === 'VALUE')
      return { value: values.length > 0 ? hex(values[values.length - 1].value) : null }
    }
    case 'findPeer': {
      const events = await drain(dht.findPeer(peerIdFromString(cmd.peer), { signal }))
      const final = events.find((e) => e.name === 'FINAL_PEER')
      return { addrs: final != null ? final.peer.multiaddrs.map((a) => a.toString()) : null }
    }
    case 'closest': {
      const events = await drain(dht.getClosestPeers(unhex(cmd.key), { signal }))
      return { peers: events.filter((e) => e.name === 'FINAL_PEER').map((e) => e.peer.id.toString()) }
    }
    default:
      throw new Error('unknown command ' + cmd.cmd)
  }
}

async function inTable (peer) {
  return (await node.services.dht.routingTable.find(peerIdFromString(peer))) != null
}

await serveCommands(run)

await node.stop()
process.exit(0)
