/** Modules of packages that ship no types of their own. */
declare module 'parse-duration/locale/zh.js' {
  /** Unit names (Chinese and English) -> milliseconds, as parse-duration's `unit` takes them. */
  const units: typeof import('parse-duration').default.unit
  export default units
}
