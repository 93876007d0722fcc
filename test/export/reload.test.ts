// A page the server reloads on its own while the printer loads or reads it: the load and the wait
// are made again, within the time limit; any other failure, or one past the limit, is not retried.
import { describe, expect, it } from 'vitest'
import { againIfReloaded, reloadedItself } from '../../scripts/export/printer'

const interrupted = () => new Error('page.goto: Navigation to "http://127.0.0.1:1/print" is interrupted by another navigation to "http://127.0.0.1:1/print"')

describe('againIfReloaded', () => {
  it('makes the attempt again after the page navigated on its own, telling it which is the first', async () => {
    const firsts: boolean[] = []
    const result = await againIfReloaded(async (first) => {
      firsts.push(first)
      if (firsts.length < 3)
        throw firsts.length === 1 ? interrupted() : new Error('wrapped', { cause: new Error('page.$$eval: Execution context was destroyed, most likely because of a navigation') })
      return 'shown'
    }, Date.now() + 10_000)
    expect(result).toBe('shown')
    expect(firsts).toEqual([true, false, false])
  })

  it('does not retry other failures, nor past the time limit', async () => {
    let n = 0
    await expect(againIfReloaded(async () => { n++; throw new Error('page.goto: Timeout 60000ms exceeded.') }, Date.now() + 10_000)).rejects.toThrow('Timeout')
    expect(n).toBe(1)
    n = 0
    await expect(againIfReloaded(async () => { n++; throw interrupted() }, Date.now() - 1)).rejects.toThrow('interrupted')
    expect(n).toBe(1)
  })

  it('tells a page that navigated on its own from other failures', () => {
    expect(reloadedItself(interrupted())).toBe(true)
    expect(reloadedItself(new Error('page.goto: Timeout 60000ms exceeded.'))).toBe(false)
    expect(reloadedItself('interrupted by another navigation')).toBe(false)
  })
})
