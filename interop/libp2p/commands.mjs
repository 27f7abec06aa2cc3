// The line protocol shared by the js-libp2p interop peers (peer.mjs, relay-peer.mjs, kad-peer.mjs, autonat-peer.mjs):
// one JSON command per line on stdin ({ id, cmd, ... }), run concurrently; each answer is a `result` event line on
// stdout that carries the command's id. {"cmd":"exit"} or the end of stdin stops reading.
import { createInterface } from 'node:readline'

export const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

export async function serveCommands (run) {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue
    const cmd = JSON.parse(line)
    if (cmd.cmd === 'exit') break
    run(cmd).then(
      (result) => out({ event: 'result', id: cmd.id, cmd: cmd.cmd, ok: true, ...result }),
      (err) => out({ event: 'result', id: cmd.id, cmd: cmd.cmd, ok: false, error: `${err.name}: ${err.message}` }))
  }
}
