/**
 * Files this process writes that must not outlive it: the scratch slides files its Slidev servers
 * read (`slidev/deck-host.ts`), `dev`'s announcement and error files. Listed here, with nothing
 * heavy imported, so that the command line's one signal handler (`cli/signals.ts`) removes them
 * whatever command is running.
 */
const files = new Set<string>()

export const transient = {
  add: (file: string) => { files.add(file) },
  delete: (file: string) => { files.delete(file) },
  list: (): string[] => [...files],
}
