// End to end with the real browser: `npm run export` on the default notes, then the PDF read back by structure.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveBrowser } from '../../scripts/slidev/browser'
import { ROOT, slidesFor } from '../../scripts/core/paths'
import { CLI, defaultDeck, scratchLeftBehind, shownTitles, tempDir } from '../helpers'

const run = promisify(execFile)
const pdf = join(tempDir(), 'slides.pdf')
let slideCount = 0
let stdout = ''

const text = (page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-'], { encoding: 'utf8' })

/**
 * Every request the exporting browser sends to a host other than localhost goes through this proxy
 * (Chromium always connects to loopback directly), which records it and refuses it.
 */
const outside: string[] = []
let proxy: Server | undefined

beforeAll(async () => {
  slideCount = (await defaultDeck()).plan.slides.length
  proxy = createServer((req, res) => {
    outside.push(req.url ?? '')
    res.writeHead(403).end()
  })
  proxy.on('connect', (req, socket) => {
    outside.push(req.url ?? '')
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>(res => proxy!.listen(0, '127.0.0.1', res))
  const { port } = proxy.address() as { port: number }
  const wrapper = join(tempDir(), 'chromium-via-proxy')
  writeFileSync(wrapper, `#!/bin/sh\nexec "${await resolveBrowser()}" --proxy-server=http://127.0.0.1:${port} "$@"\n`, { mode: 0o755 })
  const r = await run(process.execPath, [...CLI, 'export', '--offline', '-o', pdf], {
    cwd: ROOT,
    timeout: 170_000,
    env: { ...process.env, CHROMIUM_PATH: wrapper },
  })
  stdout = r.stdout
}, 180_000)

afterAll(() => new Promise<void>(res => (proxy ? proxy.close(() => res()) : res())))

describe('npm run export (default notes)', () => {
  it('writes the PDF and says where', () => {
    expect(existsSync(pdf)).toBe(true)
    expect(stdout).toMatch(/slides\.pdf \(\d+ pages/)
  })

  it('skips the browser when nothing changed since the last export', async () => {
    const { statSync } = await import('node:fs')
    const before = statSync(pdf).mtimeMs
    const r = await run(process.execPath, [...CLI, 'export', '--offline', '-o', pdf], { cwd: ROOT, env: { ...process.env, CHROMIUM_PATH: '/nonexistent/so-no-browser-may-be-used' } })
    expect(r.stdout).toMatch(/slides\.pdf is up to date/)
    expect(statSync(pdf).mtimeMs).toBe(before)
  })

  it('made no request outside localhost', () => {
    // Chromium's own services (updates, sign-in) may still try the proxy; notedeck's export makes
    // them unresolvable without one. Nothing the deck loads may appear here.
    const browserServices = /^(https?:\/\/)?(update\.googleapis\.com|accounts\.google\.com|clients\d*\.google\.com|[\w-]+\.gvt1\.com)(:443)?(\/|$)/
    expect(outside.filter(u => !browserServices.test(u))).toEqual([])
  })

  it('has one page per slide', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slideCount)
  })

  it('has the Chinese text as text, diagrams included', () => {
    const all = text()
    for (const s of ['大模型学习笔记', '萌芽期', '有监督微调', '人类反馈的强化', '按照输入数据类型', '通用大模型L0', 'Fine-tuning'])
      expect(all).toContain(s)
  })

  it('embeds a CJK font on every page that has Chinese', () => {
    for (let page = 1; page <= slideCount; page++) {
      if (!/[\u4E00-\u9FFF]/u.test(text(page)))
        continue
      const fonts = execFileSync('pdffonts', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
      const cjk = fonts.filter(l => /NotoSansSC/.test(l))
      expect(cjk.length, `page ${page}`).toBeGreaterThan(0)
      for (const l of cjk)
        expect(l.split(/\s+/).slice(-5, -4)[0], `page ${page}: ${l}`).toBe('yes') // the "emb" column
    }
  })

  it('has an outline with an entry for every section, nested', () => {
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdf], { encoding: 'utf8' })
    const outline = xml.slice(xml.indexOf('<outline>'), xml.lastIndexOf('</outline>'))
    for (const s of ['定义', '大模型发展历程', '大模型的分类', '模型的泛化与微调', '大模型人类偏好对齐', '参考文档'])
      expect(outline).toContain(`>${s}</item>`)
    expect(outline.match(/<outline>/g)?.length).toBeGreaterThan(1)
  })
})

// Several notes in one command, without -o: one after another on one server, each PDF named after
// its notes. One of them has its own table of contents, links to headings and code; one is missing.
describe('npm run export of several notes (one with its own table of contents, links to headings and code)', () => {
  const fixture = (n: string) => join(ROOT, 'test', 'fixtures', `${n}.md`)
  const names = ['zh-toc-code', 'english-basics']
  const pdfOf = (n: string) => join(ROOT, 'dist', `${n}.pdf`)
  const tocPdf = pdfOf('zh-toc-code')
  let result: { code: number, stdout: string, stderr: string } = { code: -1, stdout: '', stderr: '' }
  let stdout = ''
  beforeAll(async () => {
    names.forEach(n => rmSync(pdfOf(n), { force: true }))
    result = await run(process.execPath, [...CLI, 'export', fixture(names[0]!), fixture('not-there'), fixture(names[1]!), '--offline', '--fresh'], { cwd: ROOT, timeout: 170_000 })
      .then(r => ({ code: 0, ...r }), (e: { code: number, stdout: string, stderr: string }) => e)
    stdout = result.stdout
  }, 180_000)
  afterAll(() => names.forEach(n => ['', '.notedeck'].forEach(s => rmSync(`${pdfOf(n)}${s}`, { force: true }))))

  it('writes dist/<notes name>.pdf, not the default notes\' dist/slides.pdf', () => {
    expect(stdout).toMatch(/notedeck: dist\/zh-toc-code\.pdf \(\d+ pages, /)
    expect(existsSync(tocPdf)).toBe(true)
  })

  it('turns in-page links into PDF links to the page of their heading', async () => {
    const { PDFDocument, PDFName, PDFArray, PDFDict } = await import('pdf-lib')
    const { readFileSync } = await import('node:fs')
    const doc = await PDFDocument.load(readFileSync(tocPdf))
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict)
    const pages = doc.getPages()
    const links = pages.flatMap((page, i) => {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
      return annots ? annots.asArray().map(a => doc.context.lookup(a, PDFDict)).filter(a => a.get(PDFName.of('Dest'))).map(a => ({ page: i + 1, dest: a.get(PDFName.of('Dest'))! })) : []
    })
    expect(links.length).toBe(2)
    for (const link of links) {
      const target = dests.lookup(link.dest as ReturnType<typeof PDFName.of>, PDFArray).get(0)
      const page = pages.findIndex(p => p.ref === target) + 1
      const heading = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), tocPdf, '-'], { encoding: 'utf8' }).trim().split('\n')[0]
      expect(['MoE架构', '路由配置'], `link on page ${link.page} to page ${page}`).toContain(heading)
    }
  })

  it('sets code in the bundled monospace font, embedded', () => {
    const fonts = execFileSync('pdffonts', [tocPdf], { encoding: 'utf8' })
    expect(fonts).toMatch(/MapleMono-CN-Regular\s.*\byes\b/)
  })

  it('has no second agenda', () => {
    const all = execFileSync('pdftotext', [tocPdf, '-'], { encoding: 'utf8' })
    expect(all.match(/目录/g)?.length).toBe(1)
  })

  it('exports each notes file to its own PDF, its own deck page by page', async () => {
    const { squeeze } = await import('../../scripts/pipeline/notes/slide-title')
    const { readFileSync } = await import('node:fs')
    for (const name of names) {
      const file = pdfOf(name)
      expect(result.stdout).toContain(`${name}.pdf (`)
      const titles = shownTitles(readFileSync(slidesFor(fixture(name)), 'utf8'))
      expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]), name).toBe(titles.length)
      titles.forEach((t, i) => t && expect(squeeze(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })), `${name} page ${i + 1}`).toContain(squeeze(t)))
    }
  })

  it('reports the notes it could not export, exports the others, and exits 1', () => {
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/not-there\.md: no such file \[NOTES_NOT_FOUND\]/)
    expect(result.stderr).toMatch(/1 of 3 notes were not exported: .*not-there\.md \[EXPORT_FAILED\]/)
  })

  it('leaves no scratch slides file of its server behind', () => {
    // Other test files' exporters may be running: only a file of a process that has ended is left behind.
    expect(scratchLeftBehind()).toEqual([])
  })
})

describe('npm run export, stopped', () => {
  it.each([['of several notes', ['zh-long-os', 'en-long-ml']], ['of one notes file', ['zh-long-os']]])('%s by a signal: exits 130 and leaves no slides file of its server behind', async (_what, names) => {
    const { spawn } = await import('node:child_process')
    const { readdirSync } = await import('node:fs')
    const notes = names.map(n => join(ROOT, 'test', 'fixtures', `${n}.md`))
    const child = spawn(process.execPath, [...CLI, 'export', ...notes, '-o', tempDir(), '--offline', '--fresh'], { cwd: ROOT, stdio: 'ignore' })
    const scratch = () => readdirSync(ROOT).filter(f => f.startsWith(`.notedeck-export-${child.pid}-`))
    const end = Date.now() + 60_000
    while (!scratch().length && Date.now() < end)
      await new Promise(r => setTimeout(r, 50))
    expect(scratch(), 'the export wrote its server\'s file').toHaveLength(1)
    const exited = new Promise<number | null>(r => child.once('exit', code => r(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(scratch()).toEqual([])
  }, 120_000)
})

describe('npm run export after a picture in the notes is replaced', () => {
  it('exports again (the cache keys on every file generation read), and the new picture is in the PDF', async () => {
    const { copyFileSync, mkdirSync, readFileSync, statSync, rmSync } = await import('node:fs')
    const dir = tempDir()
    mkdirSync(join(dir, 'img'))
    copyFileSync(join(ROOT, 'test', 'fixtures', 'assets', 'square.svg'), join(dir, 'img', 'pic.svg'))
    const notes = join(dir, 'pictures.md')
    writeFileSync(notes, '# Pictures\n\n## One\n\n![a picture](img/pic.svg)\n\n## Two\n\nSome text about it.\n')
    const out = join(dir, 'pictures.pdf')
    const exportIt = () => run(process.execPath, [...CLI, 'export', notes, '--offline', '-o', out], { cwd: ROOT, timeout: 170_000 })
    try {
      await exportIt()
      expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('square')
      const before = statSync(out).mtimeMs
      writeFileSync(join(dir, 'img', 'pic.svg'), readFileSync(join(dir, 'img', 'pic.svg'), 'utf8').replace('>square<', '>circle<'))
      const again = await exportIt()
      expect(again.stdout).not.toMatch(/up to date/)
      expect(statSync(out).mtimeMs).toBeGreaterThan(before)
      expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('circle')
    }
    finally {
      rmSync(slidesFor(notes), { force: true })
    }
  }, 240_000)
})
