// js-libp2p 3.3.11 + @libp2p/mdns 12.0.32 reference peer for the C# mDNS tests: TCP on 127.0.0.1, Noise, Yamux,
// identify, and mDNS discovery with the service name given as argv[2] (default _p2p._udp.local) and a 1 s query
// interval. Prints {"event":"ready","peerId":...,"addrs":[...]} and then {"event":"discovered","peer":...,
// "addrs":[...]} for every peer mDNS reports. Exits when stdin closes.
import './polyfill.mjs'
import { createInterface } from 'node:readline'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { mdns } from '@libp2p/mdns'

const serviceTag = process.argv[2] ?? '_p2p._udp.local'
const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  peerDiscovery: [mdns({ serviceTag, interval: 1000 })],
  services: { identify: identify() }
})
node.addEventListener('peer:discovery', (e) => {
  out({ event: 'discovered', peer: e.detail.id.toString(), addrs: e.detail.multiaddrs.map((a) => a.toString()) })
})
out({ event: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map((a) => a.toString()) })

const rl = createInterface({ input: process.stdin })
for await (const line of rl) {
  if (line.trim() === 'exit') break
}

await node.stop()
process.exit(0)
