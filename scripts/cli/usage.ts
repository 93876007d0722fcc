/** The help text of the command line, made from the table of its commands and options (options.ts). */
import { usage } from './options'

export const USAGE = usage()
