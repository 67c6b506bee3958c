/** Types of copies.mjs for the TypeScript tests that make their copies with it (test/pipeline-resume.test.ts). */
export function letters(n: number): string
export function markedCopy(bytes: Buffer, extension: string, n: number): Buffer
export function corpusSeeds(format: string): Promise<string[]>
export function copiesFor(docs: number, seeds: number): number
export function writeCopies(dir: string, seeds: readonly string[], copies: number): Promise<string[]>
