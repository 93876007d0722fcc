/** Finds a Chromium to export with: CHROMIUM_PATH, else Playwright's own, else a system Chromium or Chrome. */
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { NotedeckError } from '../core/errors'

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']
const SYSTEM_PATHS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  }
  catch { return false }
}

export interface BrowserLookup {
  env: NodeJS.ProcessEnv
  /** Path where Playwright would keep its own Chromium, if it has one. */
  playwrightPath: string | undefined
}

export function findBrowser({ env, playwrightPath }: BrowserLookup): string {
  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv) {
    if (executable(fromEnv))
      return fromEnv
    throw new NotedeckError('BROWSER_NOT_FOUND', `CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file`, { hint: 'fix or unset CHROMIUM_PATH' })
  }
  if (playwrightPath && executable(playwrightPath))
    return playwrightPath
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean)
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      const p = join(dir, name)
      if (executable(p))
        return p
    }
  }
  const found = SYSTEM_PATHS.find(executable)
  if (found)
    return found
  throw new NotedeckError('BROWSER_NOT_FOUND', 'no Chromium or Chrome found to render the slides', {
    hint: 'run `npm run setup` (installs Playwright\'s Chromium, or Debian\'s chromium as root), or set CHROMIUM_PATH',
  })
}

/** Playwright's own Chromium path, without failing when playwright-chromium has no browser. */
export async function playwrightChromiumPath(): Promise<string | undefined> {
  try {
    const { chromium } = await import('playwright-chromium')
    return chromium.executablePath()
  }
  catch { return undefined }
}

export async function resolveBrowser(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return findBrowser({ env, playwrightPath: await playwrightChromiumPath() })
}

/** Flags for a quiet headless Chromium on machines without network or sandbox support. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-domain-reliability',
]

/**
 * For exports: no host name resolves but the local server's. Slides only reference local files
 * (images are cached at generation), so this changes nothing on the page and keeps Chromium's own
 * background services (updates, sign-in) from reaching out.
 */
export const OFFLINE_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'

/**
 * A quiet headless Chromium that reaches nothing but this machine (exports, the handout). The
 * launch time limit defaults to Playwright's own.
 */
export async function launchBrowser(executablePath: string, timeout = 180_000): Promise<import('playwright-chromium').Browser> {
  const { chromium } = await import('playwright-chromium')
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, OFFLINE_ARG], timeout })
}

/**
 * A browser context of `browser`, or of a quiet browser started here from its executable's path;
 * `close` closes what was opened here (the browser it started, else only the context).
 */
export async function openContext(browser: import('playwright-chromium').Browser | string, options: import('playwright-chromium').BrowserContextOptions): Promise<{ context: import('playwright-chromium').BrowserContext, close: () => Promise<void> }> {
  const own = typeof browser === 'string' ? await launchBrowser(browser) : undefined
  try {
    const context = await (own ?? browser as import('playwright-chromium').Browser).newContext(options)
    return { context, close: async () => { await (own ? own.close() : context.close()) } }
  }
  catch (e) {
    await own?.close()
    throw e
  }
}
