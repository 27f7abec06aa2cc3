// Stream helpers over the js-libp2p 3.x message-stream API (send/drain, async iteration, close = half-close).
export const chunkBytes = (c) => (c instanceof Uint8Array ? c : c.subarray())

export async function drain (stream) {
  await new Promise((resolve, reject) => {
    const onDrain = () => { stream.removeEventListener('close', onClose); resolve() }
    const onClose = () => { stream.removeEventListener('drain', onDrain); reject(new Error('stream closed while waiting for drain')) }
    stream.addEventListener('drain', onDrain, { once: true })
    stream.addEventListener('close', onClose, { once: true })
  })
}

export async function sendAll (stream, data, chunk = 64 * 1024) {
  for (let off = 0; off < data.length; off += chunk) {
    if (!stream.send(data.subarray(off, Math.min(off + chunk, data.length)))) {
      await drain(stream)
    }
  }
}

export async function readAll (stream) {
  const parts = []
  let total = 0
  for await (const c of stream) {
    const b = chunkBytes(c)
    parts.push(b)
    total += b.length
  }
  const out = new Uint8Array(total)
  let off = 0
  for (const p of parts) { out.set(p, off); off += p.length }
  return out
}

export async function echoHandler (stream) {
  for await (const c of stream) {
    if (!stream.send(chunkBytes(c))) await drain(stream)
  }
  await stream.close()
}

// /perf/1.0.0 server (libp2p/specs perf/perf.md): 8-byte BE size, drain the upload, send that many bytes, close.
export async function perfHandler (stream) {
  const header = []
  let have = 0
  for await (const c of stream) {
    const b = chunkBytes(c)
    if (have < 8) {
      header.push(b.subarray(0, Math.min(b.length, 8 - have)))
      have += Math.min(b.length, 8 - have)
    }
  }
  const h = new Uint8Array(8)
  let o = 0
  for (const p of header) { h.set(p, o); o += p.length }
  let left = Number(new DataView(h.buffer).getBigUint64(0))
  const block = new Uint8Array(64 * 1024)
  while (left > 0) {
    const n = Math.min(left, block.length)
    if (!stream.send(block.subarray(0, n))) await drain(stream)
    left -= n
  }
  await stream.close()
}

// /perf/1.0.0 client: returns { upload, download, uploadMs, downloadMs }.
export async function perfClient (stream, upload, download) {
  const start = performance.now()
  const h = new Uint8Array(8)
  new DataView(h.buffer).setBigUint64(0, BigInt(download))
  stream.send(h)
  const block = new Uint8Array(64 * 1024)
  let left = upload
  while (left > 0) {
    const n = Math.min(left, block.length)
    if (!stream.send(block.subarray(0, n))) await drain(stream)
    left -= n
  }
  await stream.close()
  const mid = performance.now()
  let got = 0
  for await (const c of stream) got += chunkBytes(c).length
  const end = performance.now()
  if (got !== download) throw new Error(`perf: got ${got} bytes, wanted ${download}`)
  return { upload, download, uploadMs: mid - start, downloadMs: end - mid }
}

// js-libp2p 3.3.11 trap: a stream's async iterator never ends if the remote closed its write side before the
// iteration started (it only listens for a future 'remoteCloseWrite' event). This reader attaches its listeners
// and also checks remoteWriteStatus, so a fast "write and close" peer is read to the end.
export function readToEnd (stream, idleMs = 100) {
  const parts = []
  let total = 0
  let last = Date.now()
  return new Promise((resolve, reject) => {
    const concat = () => {
      const out = new Uint8Array(total)
      let off = 0
      for (const p of parts) { out.set(p, off); off += p.length }
      return out
    }
    const cleanup = () => {
      clearInterval(timer)
      stream.removeEventListener('message', onMessage)
      stream.removeEventListener('remoteCloseWrite', onEnd)
      stream.removeEventListener('close', onClose)
    }
    const onMessage = (e) => { const b = chunkBytes(e.data); parts.push(b); total += b.length; last = Date.now() }
    const onEnd = () => { cleanup(); resolve(concat()) }
    const onClose = (e) => { cleanup(); if (e.error != null) reject(e.error); else resolve(concat()) }
    stream.addEventListener('message', onMessage)
    stream.addEventListener('remoteCloseWrite', onEnd)
    stream.addEventListener('close', onClose)
    const timer = setInterval(() => {
      if (stream.remoteWriteStatus === 'closed' && Date.now() - last > idleMs) onEnd()
    }, 20)
  })
}
