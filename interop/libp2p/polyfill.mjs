// Node 20 lacks Promise.withResolvers, which js-libp2p 3.x uses; ws is the WebSocket for dialing /ws.
import { WebSocket as WsWebSocket } from 'ws'

if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve
    let reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

if (typeof globalThis.WebSocket !== 'function') {
  globalThis.WebSocket = WsWebSocket
}
