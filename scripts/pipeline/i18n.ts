/** The few words notedeck adds to a deck, in the notes' language. */
import type { Lang, Notes, Strings } from './types'

export type { Lang, Strings }

/** The language tag of the page (`<html lang>`, the PDF's /Lang) for the deck's language. */
export const LANG_TAGS: Record<Lang, string> = { zh: 'zh-CN', en: 'en' }

const zh: Strings = {
  agenda: '目录',
  continued: '（续）',
  references: '参考资料',
  overview: '概览',
  imageMissing: url => `（图片未能加载，已从幻灯片中略去：${url}）`,
  abridged: '（完整内容见讲者备注）',
  imageOmitted: '（此处的图片无法加载，见讲者备注）',
}

const en: Strings = {
  agenda: 'Agenda',
  continued: ' (cont.)',
  references: 'References',
  overview: 'Overview',
  imageMissing: url => `(Image could not be loaded and was left out of the slide: ${url})`,
  abridged: '(full text in the speaker notes)',
  imageOmitted: '(The image here could not be loaded; see the speaker notes.)',
}


export function stringsFor(lang: Lang): Strings {
  return lang === 'zh' ? zh : en
}

/** Chinese when a noticeable share of the section titles is CJK. */
export function detectLang(notes: Notes): Lang {
  const titles: string[] = []
  const walk = (s: Notes['sections']) => s.forEach((x) => { titles.push(x.title); walk(x.children) })
  walk(notes.sections)
  const all = titles.join('')
  const cjk = all.match(/[\u4E00-\u9FFF]/gu)?.length ?? 0
  return cjk * 4 >= all.length && cjk > 0 ? 'zh' : 'en'
}
