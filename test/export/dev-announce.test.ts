// Several `dev` at once, each on its own notes: each announces its own server, and an export of
// some notes finds the server of those notes only.
import { type Server, createServer } from 'node:http'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { announce, findLiveServer } from '../../scripts/export/export-live'
import { devAnnouncementFor } from '../../scripts/core/paths'
import { tempDir } from '../helpers'

const servers: Server[] = []
afterAll(() => servers.forEach(s => s.close()))

async function answering(): Promise<number> {
  const server = createServer((_, res) => res.end('ok'))
  servers.push(server)
  await new Promise<void>(r => server.listen(0, r))
  return (server.address() as { port: number }).port
}

describe('dev announcements', () => {
  it('one per slides file: two dev servers at once are each found for their own slides', async () => {
    const dir = tempDir()
    const [a, b, c] = ['a.slides.md', 'b.slides.md', 'c.slides.md'].map(f => join(dir, f))
    expect(devAnnouncementFor(a!)).not.toBe(devAnnouncementFor(b!))
    const [pa, pb] = [await answering(), await answering()]
    const withdrawA = await announce({ pid: process.pid, port: pa, slides: a! })
    const withdrawB = await announce({ pid: process.pid, port: pb, slides: b! })
    expect(await findLiveServer(a!)).toBe(`http://localhost:${pa}`)
    expect(await findLiveServer(b!)).toBe(`http://localhost:${pb}`)
    expect(await findLiveServer(c!)).toBeUndefined()
    await withdrawA()
    expect(await findLiveServer(a!)).toBeUndefined()
    expect(await findLiveServer(b!)).toBe(`http://localhost:${pb}`)
    await withdrawB()
  })

  it('an announcement by a process that is gone is ignored', async () => {
    const slides = join(tempDir(), 'd.slides.md')
    await announce({ pid: 2147483646, port: await answering(), slides })
    expect(await findLiveServer(slides)).toBeUndefined()
  })
})
