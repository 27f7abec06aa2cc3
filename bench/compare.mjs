#!/usr/bin/env node
// Runs our BenchmarkDotNet benchmarks and the reference implementations back to back on this machine and prints
// the ratios (docs/benchmarks.md, "Side by side in one command"). Both sides run one after the other in the same
// invocation, so they see the same machine state; take the figures on an idle machine.
//
//   node bench/compare.mjs [--quick] [--no-build] [area ...]
//
// Areas (default: all): crypto (noble post-quantum), mldsa (ML-DSA verification: ours, cached, BouncyCastle vs noble), signal (libsignal-client 0.103.0), libp2p (js-libp2p),
// identity (VerifiedHuman credential, noble), tsp (signed TSP message, noble), mailbox (@iota/iota-sdk build + sign).
// --quick shortens the reference runs where the scripts allow it; --no-build reuses the last build.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const noBuild = args.includes('--no-build')
const work = join(tmpdir(), 'wotid-bench-compare')
const dll = join(work, 'art', 'bin', 'WotId.Benchmarks', 'release', 'WotId.Benchmarks.dll')

const perSecond = (ns) => 1e9 / ns
const mibPerSecond = (bytes) => (ns) => bytes / 1048576 / (ns / 1e9)
const ms = (ns) => ns / 1e6

// Each row: our BenchmarkDotNet method, how to turn its mean (ns per operation) into the figure, the reference's
// figure from its JSON output, and whether higher is better.
const areas = {
  crypto: {
    filter: '*PostQuantumBenchmarks*',
    reference: () => json('node', ['interop/crypto/bench-noble.mjs', '--json', ...(quick ? ['--run-ms', '200'] : [])]),
    referenceName: '@noble/post-quantum 0.7.1',
    rows: (ref) => ref.results.map((r) => ({ metric: r.name + ' ops/s', ours: r.name, convert: perSecond, theirs: r.opsPerSecond, higher: true })),
  },
  // ML-DSA verification (issue 15): the project's verifier for a first-seen key and for a cached expanded key, and
  // BouncyCastle 2.7.0 measured by the same BenchmarkDotNet run, each against noble's verify.
  mldsa: {
    filter: '*MLDsaVerifyBenchmarks*',
    reference: () => json('node', ['interop/crypto/bench-noble.mjs', '--json', ...(quick ? ['--run-ms', '200'] : [])]),
    referenceName: '@noble/post-quantum 0.7.1',
    rows: (ref) => ['MLDsa44', 'MLDsa65', 'MLDsa87'].flatMap((alg) => {
      const theirs = ref.results.find((r) => r.name === `${alg}Verify`).opsPerSecond
      return [['Ours', 'new key'], ['OursCachedKey', 'cached key'], ['BouncyCastle', 'BouncyCastle']].map(([method, label]) =>
        ({ metric: `${alg} verify, ${label}, ops/s`, ours: `${method}[Algorithm=${alg}]`, convert: perSecond, theirs, higher: true }))
    }),
  },
  signal: {
    filter: '*SignalBenchmarks*',
    // The benchmark's global setup runs interop/signal/peer.mjs `bench` and prints it on a "// libsignal-client" line.
    reference: (out) => JSON.parse(out.split('\n').find((l) => l.startsWith('// libsignal-client 0.103.0')).replace(/^[^{]*/, '')),
    referenceName: '@signalapp/libsignal-client 0.103.0',
    rows: (ref) => [
      { metric: 'session setup ms', ours: 'SessionSetup', convert: ms, theirs: ref.setupMs, higher: false },
      { metric: '1 KiB one way msg/s', ours: 'OneWay', convert: perSecond, theirs: ref.oneWay.perSecond, higher: true },
      { metric: '1 KiB alternating msg/s', ours: 'Alternating', convert: perSecond, theirs: ref.alternating.perSecond, higher: true },
    ],
  },
  libp2p: {
    filter: '*HostPairBenchmarks*',
    reference: () => json('node', ['--expose-gc', 'interop/libp2p/bench.mjs', ...(quick ? ['--quick'] : [])]),
    referenceName: 'js-libp2p 3.3.11',
    rows: (ref) => [
      { metric: 'dial → identify ms', ours: 'DialToIdentify', convert: ms, theirs: ref.dialToIdentifyMs, higher: false },
      { metric: 'ping round trip ms', ours: 'PingRoundTrip', convert: ms, theirs: ref.pingRttMs, higher: false },
      { metric: 'one stream MiB/s', ours: 'OneStream64MiB', convert: mibPerSecond(64 << 20), theirs: ref.oneStreamMiBps, higher: true },
      { metric: '16 streams MiB/s', ours: 'SixteenStreams64MiB', convert: mibPerSecond(64 << 20), theirs: ref.sixteenStreamsMiBps, higher: true },
    ],
  },
  identity: {
    filter: '*CredentialBenchmarks*',
    reference: () => json('node', ['interop/identity/bench.mjs']),
    referenceName: '@noble/post-quantum 0.7.1 (JWS)',
    rows: (ref) => [
      { metric: 'issue credential ops/s', ours: 'IssueCredential', convert: perSecond, theirs: ref.issuePerSec, higher: true },
      { metric: 'verify credential signature ops/s', ours: 'VerifyJwsSignatureOnly', convert: perSecond, theirs: ref.verifyPerSec, higher: true },
    ],
  },
  tsp: {
    filter: '*TspBenchmarks*',
    reference: () => json('node', ['interop/tsp/bench.mjs']),
    referenceName: '@noble/post-quantum 0.7.1 (TSP)',
    rows: (ref) => [
      { metric: 'sign TSP message ops/s', ours: 'SignMLDsa65', convert: perSecond, theirs: ref.signPerSec, higher: true },
      { metric: 'open TSP message ops/s', ours: 'OpenMLDsa65', convert: perSecond, theirs: ref.openPerSec, higher: true },
    ],
  },
  mailbox: {
    filter: '*EmbeddedMailboxBenchmarks*',
    reference: () => json('node', ['interop/mailbox/vectors.mjs', 'bench', quick ? '500' : '2000']),
    referenceName: '@iota/iota-sdk 1.15.1',
    rows: (ref) => [
      { metric: 'build + sign 1 KiB chain send ops/s', ours: 'BuildAndSignChainSend1KiB', convert: perSecond, theirs: ref.opsPerSecond, higher: true },
    ],
  },
}

function json (cmd, argv) {
  const out = execFileSync(cmd, argv, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 })
  try { return JSON.parse(out) } catch { } // a whole (pretty-printed) JSON document, as bench-noble.mjs --json prints
  return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? out)
}

function runOurs (name, filter) {
  const artifacts = join(work, 'bdn-' + name)
  rmSync(artifacts, { recursive: true, force: true })
  const r = spawnSync('dotnet', [dll, '--filter', filter, '--inProcess', '--exporters', 'json', '--artifacts', artifacts],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, WOTID_REPO: repo } })
  if (r.status !== 0) throw new Error(`${name}: BenchmarkDotNet exited ${r.status}\n${r.stdout?.slice(-2000)}${r.stderr}`)
  const means = new Map()
  const results = join(artifacts, 'results')
  for (const file of existsSync(results) ? readdirSync(results).filter((f) => f.endsWith('.json')) : []) {
    for (const b of JSON.parse(readFileSync(join(results, file), 'utf8')).Benchmarks ?? []) {
      if (b.Statistics?.Mean > 0) {
        means.set(b.Method, b.Statistics.Mean)
        if (b.Parameters) means.set(`${b.Method}[${b.Parameters}]`, b.Statistics.Mean)
      }
    }
  }
  return { means, stdout: r.stdout }
}

const chosen = args.filter((a) => !a.startsWith('--'))
for (const a of chosen) if (!areas[a]) { console.error(`unknown area ${a}; areas: ${Object.keys(areas).join(', ')}`); process.exit(2) }
if (!noBuild || !existsSync(dll)) {
  mkdirSync(work, { recursive: true })
  execFileSync('dotnet', ['build', 'bench/WotId.Benchmarks', '-c', 'Release', '-p:ArtifactsPath=' + join(work, 'art')], { cwd: repo, stdio: 'inherit' })
}

const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3))
const lines = []
for (const name of chosen.length ? chosen : Object.keys(areas)) {
  const area = areas[name]
  process.stderr.write(`${name}: ours (BenchmarkDotNet ${area.filter}) ...\n`)
  const ours = runOurs(name, area.filter)
  process.stderr.write(`${name}: reference (${area.referenceName}) ...\n`)
  const ref = area.reference(ours.stdout)
  for (const row of area.rows(ref)) {
    const mean = ours.means.get(row.ours)
    if (mean === undefined) { lines.push([name, row.metric, 'missing', fmt(row.theirs), '—']); continue }
    const value = row.convert(mean)
    const ratio = row.higher ? value / row.theirs : row.theirs / value
    lines.push([name, row.metric, fmt(value), fmt(row.theirs), ratio.toFixed(2) + '×'])
  }
}

const head = ['area', 'metric', 'wot.id (C#)', 'reference', 'ours better by']
const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
const show = (l) => l.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
console.log(show(head))
for (const l of lines) console.log(show(l))
console.log(`(ratio > 1: wot.id is faster; load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')})`)
