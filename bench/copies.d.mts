/** Types of copies.mjs for the TypeScript tests that share its marking (test/pipeline-copies.ts). */
export function letters(n: number): string
export function markedCopy(bytes: Buffer, extension: string, n: number): Buffer
export function corpusSeeds(format: string): Promise<string[]>
export function copiesFor(docs: number, seeds: number): number
export function writeCopies(dir: string, seeds: string[], copies: number): Promise<string[]>
