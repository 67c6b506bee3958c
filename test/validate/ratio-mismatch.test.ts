import rule from '../../src/validate/rules/ratio-mismatch.js'
import { testRule } from './rule-tester.js'

testRule(rule, {
  valid: [
    '本年“三公经费”预算安排数为20万元，实际支出数为10万元，“三公经费”控制率为50%。',
    '全年收入总计200.00万元。其中：财政拨款收入150.00万元，占75.00%；其他收入50.00万元，占25.00%。',
    // 498/500 = 99.6% is printed 100% when rounded to whole percents.
    '全年预算数500万元，全年执行数498万元，预算执行率100%。',
    // The base would be 年初 + 追加, which no figure states: no relation, no finding.
    '年初预算100万元，追加预算20万元，实际支出110万元，预算执行率91.67%。',
    // Only the sign is wrong: that is sign-mismatch's finding, not this rule's.
    '“三公”经费本年度合计6.00万，上年度合计8.00万，比上年度减少2.00万，“三公”经费变动率为25.00%。',
  ],
  invalid: [
    {
      text: '本年“三公经费”预算安排数为20万元，实际支出数为10万元，“三公经费”控制率为60%。',
      findings: [{ evidence: ['60%', '10万元', '20万元'], message: /10 \/ 20 = 50\.00%，与所述 60% 不一致/, severity: 'warning' }],
    },
    {
      text: '全年收入总计200.00万元。其中：财政拨款收入150.00万元，占80.00%；其他收入50.00万元，占25.00%。',
      findings: [{ evidence: ['80.00%', '150.00万元', '200.00万元'], message: /150\.00 \/ 200\.00 = 75\.00%/ }],
    },
    {
      text: '“三公”经费本年度合计6.00万，上年度合计8.00万，比上年度减少2.00万，“三公”经费变动率为24.00%。',
      findings: [{ evidence: ['24.00%', '6.00万', '8.00万'], message: /\(6\.00 − 8\.00\) \/ 8\.00 = −25\.00%/ }],
    },
    {
      text: '（2）预算控制率：2022年初预算2,000,000元，年中追加预算500,000元，预算调整率为40%。',
      findings: [{ evidence: ['40%', '500,000元', '2,000,000元'], message: /500000 \/ 2000000 = 25\.00%/ }],
    },
    {
      text: '在职人员编制数 20人，年末实际在职人数22人，在职人员控制率≤100%。',
      findings: [{ evidence: ['≤100%', '22人', '20人'], message: /22 \/ 20 = 110\.00%，不满足所述 ≤100%/ }],
    },
    {
      // 99.99% written 99%: cut off, not rounded.
      text: '全年预算数300.00万元，全年执行数299.97万元，预算执行率99%。',
      findings: [{ evidence: ['99%', '299.97万元', '300.00万元'], severity: 'info' }],
    },
  ],
})
