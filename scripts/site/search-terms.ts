/**
 * How the site's search splits text into terms, the same when the index is built and when a
 * reader types a query: words of letters and digits (lower-cased), and runs of CJK characters as
 * overlapping pairs (`大模型` -> `大模`, `模型`), so that Chinese needs no spaces to be found and a
 * two-character term (`微调`) is one term. Imports nothing: the search page bundles it too.
 */

const CJK = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]/u

export function searchTerms(text: string): string[] {
  const terms: string[] = []
  for (const run of text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let latin = ''
    let cjk = ''
    const flush = () => {
      if (latin)
        terms.push(latin)
      if (cjk.length === 1)
        terms.push(cjk)
      for (let i = 0; i + 1 < cjk.length; i++)
        terms.push(cjk.slice(i, i + 2))
      latin = ''
      cjk = ''
    }
    for (const ch of run) {
      if (CJK.test(ch)) {
        if (latin)
          flush()
        cjk += ch
      }
      else {
        if (cjk)
          flush()
        latin += ch
      }
    }
    flush()
  }
  return terms
}
