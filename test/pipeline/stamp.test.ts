import { describe, expect, it } from 'vitest'
import { provenance, stamp } from '../../scripts/pipeline/render/stamp'

describe('the generated-file stamp', () => {
  const deck = stamp('---\ntheme: default\n---\n\n# A\n')
  it('puts a hash of the body right after the opening ---', () => {
    expect(deck).toMatch(/^---\n# notedeck-hash: [0-9a-f]{16}\ntheme: default\n/)
  })
  it('tells generated, edited and foreign files apart', () => {
    expect(provenance(deck)).toBe('generated')
    expect(provenance(deck.replace('# A', '# B'))).toBe('edited')
    expect(provenance(`${deck}\nmore\n`)).toBe('edited')
    expect(provenance('---\ntheme: default\n---\n\n# mine\n')).toBe('foreign')
  })
})
