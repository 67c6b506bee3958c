import rule from '../../src/validate/rules/malformed-number.js'
import { testRule } from './rule-tester.js'

testRule(rule, {
  valid: [
    '节余103,148.00元，控制率65.01%。',
    '支出合计3,009.40万元。',
    '追加7.50万元。下一句以句点结束.',
  ],
  invalid: [
    { text: '“三公”经费节余1,031,48.00元。', findings: [{ evidence: ['1,031,48.00元'], message: /1,031,48\.00.*103148/ }] },
    { text: '追加预算7.50.万元。', findings: [{ evidence: ['7.50.万元'] }] },
    { text: '成本指标：558.08万元万元，已支付。', findings: [{ evidence: ['558.08万元万元'], message: /单位重复/ }] },
  ],
})
