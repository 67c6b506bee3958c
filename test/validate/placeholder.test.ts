import rule from '../../src/validate/rules/placeholder.js'
import { testRule } from './rule-tester.js'

testRule(rule, {
  valid: [
    '全年收入100万元，其中财政拨款收入80万元，占80%。',
    '（金额单位为万元）以下数据单位：万元。',
    '元旦、春节期间开展安全检查。',
    '项目支出占比（%）见下表。',
    '项目\t金额\t增长%\n基本支出\t100\t5%\n',
  ],
  invalid: [
    { text: '其中：其他收入11.76万元，占%。', findings: [{ evidence: ['占%'], message: /缺少数字/ }] },
    { text: '“三公”经费比上年减少万元，主要原因是压减公务接待。', findings: [{ evidence: ['减少万元'] }] },
    { text: '公用经费31.20万元，占基本支出的%', findings: [{ evidence: ['的%'] }] },
    { text: '本年预算安排资金为 万元，实际支出为____万元。', findings: [{ evidence: ['为 万元'] }, { evidence: ['为____万元'] }] },
    { text: '项目总投资XX万元，完成率（ ）%。', findings: [{ evidence: ['XX万元'] }, { evidence: ['（ ）%'] }] },
  ],
})
