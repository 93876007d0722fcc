// The dev server's end of a rehearsal: it says it records, writes a whole record it can read back,
// refuses anything else without touching the file, and leaves other requests alone.
import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { REHEARSAL_ROUTE } from '../../scripts/core/pace'
import { parseRehearsal } from '../../scripts/core/rehearsal'
import { rehearsalHandler } from '../../scripts/slidev/rehearsal-endpoint'
import { tempDir } from '../helpers'

async function ask(file: string, method: string, url: string, body = ''): Promise<{ status: number, text: string, passed: boolean }> {
  const req = Object.assign(Readable.from(body ? [Buffer.from(body)] : []), { method, url }) as unknown as IncomingMessage
  let text = ''
  const res = { statusCode: 200, setHeader: () => {}, end: (t: string) => { text = t } } as unknown as ServerResponse
  let passed = false
  await rehearsalHandler(file)(req, res, () => { passed = true })
  return { status: res.statusCode, text, passed }
}

const record = { at: '2026-11-30T10:00:00.000Z', slides: [{ no: 1, title: 'Intro', line: 3, planned: 30, actual: 42 }] }

describe('the rehearsal endpoint', () => {
  it('answers that it records, and writes a record whole', async () => {
    const file = join(tempDir(), 'talk.rehearsal.json')
    expect(JSON.parse((await ask(file, 'GET', REHEARSAL_ROUTE)).text)).toEqual({ recording: true })
    const posted = await ask(file, 'POST', `${REHEARSAL_ROUTE}?t=1`, JSON.stringify(record))
    expect(posted.status).toBe(200)
    expect(parseRehearsal(readFileSync(file, 'utf8'), file)).toEqual(record)
  })

  it('refuses what is not a record, and writes nothing', async () => {
    const file = join(tempDir(), 'talk.rehearsal.json')
    for (const body of ['{', JSON.stringify({ ...record, slides: [{ no: 0, title: 'x', planned: 1, actual: 1 }] }), JSON.stringify({ ...record, extra: 1 })]) {
      const r = await ask(file, 'POST', REHEARSAL_ROUTE, body)
      expect(r.status).toBe(400)
      expect(JSON.parse(r.text).error).toMatch(/not a rehearsal record/)
    }
    expect(existsSync(file)).toBe(false)
  })

  it('leaves every other request to the server', async () => {
    expect((await ask(join(tempDir(), 'x.json'), 'GET', '/1')).passed).toBe(true)
  })
})
