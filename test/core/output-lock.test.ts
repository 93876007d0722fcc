// One writer at a time per output path: the section under the lock never overlaps, and a lock left
// by a process that died does not block the next export.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isNotedeckError } from '../../scripts/core/errors'
import { withOutputLock } from '../../scripts/core/output-lock'
import { tempDir } from '../helpers'

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

describe('the output lock', () => {
  it('lets one writer in at a time; every writer gets its turn', async () => {
    const output = join(tempDir(), 'deck.pdf')
    let inside = 0
    let most = 0
    const order: number[] = []
    await Promise.all([0, 1, 2, 3, 4].map(i => withOutputLock(output, async () => {
      inside++
      most = Math.max(most, inside)
      await sleep(20)
      order.push(i)
      inside--
    })))
    expect(most).toBe(1)
    expect(order.sort()).toEqual([0, 1, 2, 3, 4])
    expect(existsSync(`${output}.lock`)).toBe(false)
  })

  it('takes over a lock whose process is gone', async () => {
    const output = join(tempDir(), 'deck.pdf')
    writeFileSync(`${output}.lock`, '2147483646') // no such process
    expect(await withOutputLock(output, async () => 'written', 2000)).toBe('written')
  })

  it('gives up on a lock held by a live process after the time limit, naming the lock', async () => {
    const output = join(tempDir(), 'deck.pdf')
    writeFileSync(`${output}.lock`, String(process.pid))
    const e = await withOutputLock(output, async () => 'never', 200).catch((x: unknown) => x)
    expect(isNotedeckError(e) && e.format()).toMatch(/another export has been writing .*deck\.pdf .*\[EXPORT_FAILED\]\n {2}hint: if none is running, remove .*deck\.pdf\.lock/)
  })

  it('releases the lock when the writer fails', async () => {
    const output = join(tempDir(), 'deck.pdf')
    await expect(withOutputLock(output, async () => { throw new Error('disk full') })).rejects.toThrow('disk full')
    expect(existsSync(`${output}.lock`)).toBe(false)
  })
})
