// Oracle for @multiformats/multiaddr 13.0.3. stdin: JSON array of texts or {"hex":...} objects; stdout: JSON array
// of {"text":canonical text,"hex":bytes} or {"error":...} per entry.
import { multiaddr } from '@multiformats/multiaddr'

const chunks = []
for await (const c of process.stdin) chunks.push(c)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const results = input.map((entry) => {
  try {
    const ma = typeof entry === 'string' ? multiaddr(entry) : multiaddr(Buffer.from(entry.hex, 'hex'))
    return { text: ma.toString(), hex: Buffer.from(ma.bytes).toString('hex') }
  } catch (err) {
    return { error: `${err.name}: ${err.message}` }
  }
})
process.stdout.write(JSON.stringify(results) + '\n')
