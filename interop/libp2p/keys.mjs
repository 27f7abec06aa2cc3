// Oracle for libp2p keys with @libp2p/crypto 5 and @libp2p/peer-id 6. stdin: {"keys":[hex PrivateKey protobuf...],
// "message":hex}; stdout: {"results":[{"publicKey":hex,"peerId":base58,"cid":...,"signature":hex}]}.
import { privateKeyFromProtobuf, publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPublicKey } from '@libp2p/peer-id'

const chunks = []
for await (const c of process.stdin) chunks.push(c)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const message = Buffer.from(input.message, 'hex')
const results = []
for (const hex of input.keys) {
  const key = privateKeyFromProtobuf(Buffer.from(hex, 'hex'))
  const signature = await key.sign(message)
  let id = null
  try { id = peerIdFromPublicKey(key.publicKey) } catch { /* @libp2p/peer-id 6 has no ECDSA peer ids */ }
  results.push({
    type: key.type,
    publicKey: Buffer.from(publicKeyToProtobuf(key.publicKey)).toString('hex'),
    peerId: id?.toString() ?? null,
    cid: id?.toCID().toString() ?? null,
    signature: Buffer.from(signature).toString('hex')
  })
}
process.stdout.write(JSON.stringify({ results }) + '\n')
