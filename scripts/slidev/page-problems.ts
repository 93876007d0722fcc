/**
 * What went wrong inside a page while it loaded: script errors, and requests to its own server that
 * failed or were refused. Kept to say why a page never finished drawing (a module Vite could not
 * serve, a component that threw) instead of only that it did not.
 */
import type { Page } from 'playwright-chromium'

/** At most this many problems are kept: the first ones explain the rest. */
const KEEP = 5

export interface PageProblems {
  /** The first problems seen, oldest first, then the requests to the server still unanswered. */
  list: () => string[]
  /**
   * What certainly went wrong: script errors, requests refused or failed. Not requests the page
   * itself gave up (`net::ERR_ABORTED`: a module replaced by a live update, a navigation), nor those
   * still open.
   */
  failures: () => string[]
  /** Forgets what was seen: called before each load, so that a message names only that load's problems. */
  clear: () => void
  /** Stop listening. */
  stop: () => void
}

const short = (url: string) => {
  const u = new URL(url)
  return `${u.pathname}${u.search}`.slice(0, 120)
}

/** Listens to `page` for errors and failed requests to `origin` (other hosts are the check's business). */
export function watchPage(page: Page, origin: () => string | undefined): PageProblems {
  const seen: string[] = []
  const failed: string[] = []
  const urls = new Set<string>()
  const add = (s: string, url?: string, certain = true) => {
    // A refused request is reported once, by its status (it may be reported failed as well).
    if (url !== undefined && urls.has(url))
      return
    if (url !== undefined)
      urls.add(url)
    if (seen.length < KEEP && !seen.includes(s))
      seen.push(s)
    if (certain && failed.length < KEEP && !failed.includes(s))
      failed.push(s)
  }
  const ours = (url: string) => {
    const o = origin()
    return o !== undefined && url.startsWith(o)
  }
  const onError = (e: Error) => add(`page error: ${e.message.split('\n')[0]}`)
  // Requests to the server without an answer yet (a module Vite is still, or forever, preparing).
  const open = new Set<string>()
  const onRequest = (r: { url: () => string }) => {
    if (ours(r.url()))
      open.add(r.url())
  }
  const onFailed = (r: { url: () => string, failure: () => { errorText: string } | null }) => {
    open.delete(r.url())
    const why = r.failure()?.errorText ?? 'no answer'
    if (ours(r.url()))
      add(`request failed: ${short(r.url())} (${why})`, r.url(), why !== 'net::ERR_ABORTED')
  }
  const onResponse = (r: { url: () => string, status: () => number }) => {
    open.delete(r.url())
    if (r.status() >= 400 && ours(r.url()))
      add(`HTTP ${r.status()}: ${short(r.url())}`, r.url())
  }
  page.on('pageerror', onError)
  page.on('request', onRequest)
  page.on('requestfailed', onFailed)
  page.on('response', onResponse)
  return {
    list: () => [...seen, ...[...open].slice(0, KEEP).map(u => `no answer yet: ${short(u)}`)],
    failures: () => [...failed],
    clear: () => {
      seen.length = 0
      failed.length = 0
      urls.clear()
      open.clear()
    },
    stop: () => {
      page.off('pageerror', onError)
      page.off('request', onRequest)
      page.off('requestfailed', onFailed)
      page.off('response', onResponse)
    },
  }
}
