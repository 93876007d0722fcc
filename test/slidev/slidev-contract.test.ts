// Slidev's internals that notedeck relies on (scripts/slidev/slidev-internals.ts), checked against the
// installed Slidev. An upgrade that moves one fails here, naming it, before any export misbehaves.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/core/paths'
import { editableExporter } from '../../scripts/export/pptx-editable'
import { EDITABLE_CHUNK, EDITABLE_ROUTE, SLIDEV, SLIDEV_VERSION } from '../../scripts/slidev/slidev-internals'

const require = createRequire(join(ROOT, 'package.json'))
const client = dirname(require.resolve('@slidev/client/package.json'))
const source = (file: string) => readFileSync(join(client, file), 'utf8')

describe(`Slidev ${SLIDEV_VERSION}: what notedeck relies on`, () => {
  it('is the version installed, and the version package.json pins', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    for (const name of ['@slidev/cli', '@slidev/parser'])
      expect(pkg.dependencies[name], `${name} must be pinned to the version checked here`).toBe(SLIDEV_VERSION)
    expect((require('@slidev/cli/package.json') as { version: string }).version).toBe(SLIDEV_VERSION)
    expect((require('@slidev/client/package.json') as { version: string }).version).toBe(SLIDEV_VERSION)
  })

  // [what notedeck uses it for, file in @slidev/client, text that must be there]
  it.each([
    ['the client global (go to a slide, read the slides\' sources)', 'setup/root.ts', SLIDEV.global],
    ['the slides\' sources on the global\'s nav', 'composables/useNav.ts', 'slides'],
    ['the class of slide N\'s element', 'utils.ts', `${SLIDEV.pageClassPrefix}\${no}`],
    ['the layout root of a slide', 'layouts/default.vue', SLIDEV.layout.slice(1)],
    ['the sign of a slide that failed to compile', 'layouts/error.vue', SLIDEV.failed.slice(1)],
    ['a slide still loading', 'internals/SlideLoading.vue', SLIDEV.loading.slice(1)],
    ['the in-browser exporter\'s content', 'pages/export.vue', `id="${SLIDEV.exportContent.slice(1)}"`],
    ['one printed page per slide', 'internals/PrintSlideClick.vue', SLIDEV.printContainer.slice(1)],
  ])('%s (%s)', (what, file, text) => {
    let found = false
    try {
      found = source(file).includes(text)
    }
    catch {}
    expect(found, `Slidev moved ${what}: "${text}" is no longer in @slidev/client/${file}; update scripts/slidev/slidev-internals.ts`).toBe(true)
  })

  it('the export route exists', () => {
    expect(source('setup/routes.ts'), `Slidev moved its in-browser exporter (${SLIDEV.exportPath})`).toContain(`path: '${SLIDEV.exportPath}/`)
  })

  it('the print route exists, and prints one container per slide', () => {
    expect(source('setup/routes.ts'), `Slidev moved its print route (${SLIDEV.printPath})`).toContain(`path: '${SLIDEV.printPath}'`)
    expect(source('pages/print.vue'), 'the print page no longer draws PrintContainer').toContain('PrintContainer')
  })

  it('a dev server serves each slide\'s data; generated import-glob modules are named by their content\'s hash', () => {
    const dist = join(dirname(require.resolve('@slidev/cli/package.json')), 'dist')
    const code = readdirSync(dist).filter(f => f.endsWith('.mjs')).map(f => readFileSync(join(dist, f), 'utf8')).join('\n')
    expect(code, `Slidev moved its slide data endpoint (${SLIDEV.slideDataPath}N.json)`).toContain(`/^${SLIDEV.slideDataPath.replace(/\//g, '\\/')}(\\d+)\\.json$/`)
    // scripts/slidev/whole-import-globs.ts reads these until their content matches the name.
    expect(code).toContain('"node_modules/.slidev/virtual/import-glob"')
    expect(code).toContain('return `${proxyBase}.${createHash("sha256").update(content).digest("hex").slice(0, 10)}.ts`')
  })

  it('the editable PowerPoint exporter: found, asks for the print route, measures its slide containers', async () => {
    expect(typeof (await editableExporter()).exportPptxEditable).toBe('function')
    const dist = join(dirname(require.resolve('@slidev/cli/package.json')), 'dist')
    const chunk = readdirSync(dist).filter(f => EDITABLE_CHUNK.test(f)).map(f => readFileSync(join(dist, f), 'utf8')).find(t => t.includes('async function exportPptxEditable'))
    expect(chunk, 'Slidev moved its editable exporter: update EDITABLE_CHUNK in scripts/slidev/slidev-internals.ts').toBeDefined()
    expect(chunk).toContain(`ctx.go("${EDITABLE_ROUTE}")`)
    expect(chunk).toContain(`containerSelector: "${SLIDEV.printContainer}"`)
    // pptx-native.ts: the exporter skips hidden elements (the tables notedeck makes itself), builds
    // with the pptxgenjs it imports, a slide per container in order, and writes the file at the end.
    expect(chunk, 'the exporter no longer skips hidden elements: tables would be drawn twice').toContain('computed.visibility === "hidden") return')
    expect(chunk).toContain('await import("pptxgenjs")')
    expect(chunk).toMatch(/for \(const ir of slides\) \{\s*const slide = pptx\.addSlide\(\);/)
    expect(chunk).toContain('return await pptx.write({ outputType: "nodebuffer" })')
    expect(chunk, 'the exporter describes its pictures of drawn elements otherwise: update RASTER_ALT in pptx-native.ts').toContain('options.altText = `Rendered as an image because of CSS ${node.reason}`')
  })
})
