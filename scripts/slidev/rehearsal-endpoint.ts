/**
 * A Vite plugin for `npm run dev -- --rehearse`: the presenter view sends how long each slide has
 * been shown (`POST /__notedeck/rehearsal`), and the dev server writes it, whole, to the file named
 * in NOTEDECK_REHEARSAL (beside the notes). `GET` answers whether a rehearsal is being recorded.
 * Without that variable (a plain dev, export, build, check) the plugin does nothing and the page
 * records nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import { REHEARSAL_ROUTE } from '../core/pace'
import { parseRehearsal } from '../core/rehearsal'
import { writeAtomic } from '../core/write'

export const REHEARSAL_ENV = 'NOTEDECK_REHEARSAL'
/** A record is small (a few numbers a slide): anything larger is not one. */
const MAX_BYTES = 1_000_000

async function body(req: IncomingMessage): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BYTES)
      throw new Error('too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The request handler, for `file`: answers the route, leaves every other request to the next handler. */
export function rehearsalHandler(file: string) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== REHEARSAL_ROUTE)
      return next()
    res.setHeader('content-type', 'application/json')
    if (req.method === 'GET')
      return res.end(JSON.stringify({ recording: true }))
    if (req.method !== 'POST') {
      res.statusCode = 405
      return res.end('{}')
    }
    try {
      const record = parseRehearsal(await body(req), file)
      await writeAtomic(file, `${JSON.stringify(record, null, 2)}\n`)
      res.end(JSON.stringify({ written: record.slides.length }))
    }
    catch (e) {
      res.statusCode = 400
      res.end(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }))
    }
  }
}

export function rehearsalEndpoint(file = process.env[REHEARSAL_ENV]): Plugin {
  return {
    name: 'notedeck:rehearsal',
    apply: 'serve',
    configureServer(server) {
      if (file)
        server.middlewares.use(rehearsalHandler(file))
    },
  }
}
