/**
 * A Vite plugin for `npm run dev`: when the notes have an error, the open browser shows it in Vite's
 * error overlay (the deck behind it stays the last good one). `dev` writes the message to a file
 * named in NOTEDECK_NOTES_ERRORS and removes the file once the notes are good again; the next hot
 * update of the slides then clears the overlay. Without that variable (export, build, check) the
 * plugin does nothing.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

export const ERRORS_ENV = 'NOTEDECK_NOTES_ERRORS'

export function notesErrorOverlay(file = process.env[ERRORS_ENV]): Plugin {
  return {
    name: 'notedeck:notes-errors',
    apply: 'serve',
    configureServer(server) {
      if (!file)
        return
      const path = resolve(file)
      const show = async () => {
        const message = await readFile(path, 'utf8').catch(() => '')
        if (message.trim())
          server.ws.send({ type: 'error', err: { message, stack: '', plugin: 'notedeck' } })
      }
      server.watcher.add(path)
      const onFile = (p: string) => {
        if (resolve(p) === path)
          void show()
      }
      server.watcher.on('add', onFile)
      server.watcher.on('change', onFile)
      // A page opened while the notes are broken sees the error too.
      server.ws.on('connection', () => void show())
    },
  }
}
