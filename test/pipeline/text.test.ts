import { describe, expect, it } from 'vitest'
import { displayWidth } from '../../scripts/pipeline/char-width'
import { sentences, wrapText } from '../../scripts/pipeline/text'

describe('displayWidth', () => {
  it('counts CJK characters twice', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('大模型')).toBe(6)
    expect(displayWidth('GPT模型')).toBe(7)
    expect(displayWidth('（）：')).toBe(6)
  })
})

describe('wrapText', () => {
  it('breaks Chinese between characters within the width', () => {
    const lines = wrapText('以Transformer为代表的全新神经网络模型阶段', 18)
    expect(lines.length).toBeGreaterThan(1)
    for (const l of lines)
      expect(displayWidth(l)).toBeLessThanOrEqual(18)
    expect(lines.join('')).toBe('以Transformer为代表的全新神经网络模型阶段')
  })
  it('never breaks inside a Latin word that fits a line', () => {
    const lines = wrapText('以Transformer为代表的', 14)
    expect(lines.some(l => l.includes('Transformer'))).toBe(true)
  })
  it('breaks a Latin word longer than a line, and only then', () => {
    const lines = wrapText('ReinforcementLearningfromHumanFeedback', 14)
    expect(lines.every(l => displayWidth(l) <= 14)).toBe(true)
    expect(lines.join('')).toBe('ReinforcementLearningfromHumanFeedback')
  })
  it('keeps closing punctuation off the start of a line', () => {
    const lines = wrapText('一二三四五六七，八九十', 14)
    expect(lines.every(l => !l.startsWith('，'))).toBe(true)
  })
  it('starts a line at an opening bracket rather than splitting the bracketed words', () => {
    expect(wrapText('预训练（学习世界知识）', 14)).toEqual(['预训练', '（学习世界知识）'])
  })
  it('wraps English at spaces', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four'])
  })
})

describe('sentences', () => {
  it('splits Chinese and English sentences and keeps their punctuation', () => {
    expect(sentences('第一句。第二句！Third one. Fourth?')).toEqual(['第一句。', '第二句！', 'Third one.', 'Fourth?'])
  })
  it('does not split decimals or abbreviations without a following capital', () => {
    expect(sentences('Version 3.5 is e.g. fine.')).toEqual(['Version 3.5 is e.g. fine.'])
  })
})
