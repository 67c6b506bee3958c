import { expect } from 'vitest'
import { InputError } from '../../src/result.js'

/** The InputError `fn` throws (fails the test when it throws anything else or nothing). */
export function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError, nothing was thrown')
}
