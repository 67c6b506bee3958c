/** PDF transformation matrices: text positions come as item transforms under a page viewport transform. */

/** A PDF transformation matrix [a, b, c, d, e, f]. */
export type Matrix = number[]

/** m1 × m2 as PDF matrices compose: m2 applied first. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ]
}
