/**
 * A Vite plugin: the folders the project's packages really are in may be served. Vite resolves a
 * package to its real location, and refuses (HTTP 403, "outside of Vite serving allow list") any
 * file outside the folders Slidev allows: the project and Slidev's own packages. When `node_modules`
 * is a link to another folder (a container mount, a shared install) or a package is linked in
 * (`npm link`), the bundled fonts, Mermaid and the theme are there. This allows the real folder of
 * `node_modules` and of each package the project depends on.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

/** The real folders of `root`'s node_modules and of each dependency in its package.json that is there. */
export function realModuleFolders(root: string): string[] {
  const modules = join(root, 'node_modules')
  if (!existsSync(modules))
    return []
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  const packages = Object.keys(pkg.dependencies ?? {}).map(name => join(modules, name)).filter(p => existsSync(p))
  return [...new Set([modules, ...packages].map(p => realpathSync(p)))]
}

export function realModules(root: string): Plugin {
  return {
    name: 'notedeck:real-modules',
    config: () => ({ server: { fs: { allow: realModuleFolders(root) } } }),
  }
}
