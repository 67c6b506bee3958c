import rule from '../../src/validate/rules/sum-mismatch.js'
import { testRule } from './rule-tester.js'

testRule(rule, {
  valid: [
    '2023年度支出合计500.00万元，其中：基本支出300.00万元，项目支出200.00万元。',
    // Printed rounding: 33.34 + 66.66 = 100.00 against 100.01 is within the parts' intervals.
    '支出合计100.01万元，其中：基本支出33.34万元，项目支出66.67万元。',
    // A list that may name only some parts holds while they stay within the total.
    '本部门编制数131人，在职人数131人，其中：在岗人数120人。',
    '实有人员20人：其中公务员8人，参公10人，工勤2人，退休3人。',
    '预算安排公用经费总额80000元，实际支出公用经费90000元，超支10000元。',
    '共投入3500多万元，其中一号工程3000万元，二号工程440万元，三号工程60万元。',
    // 退休 inside 共有人员 here, outside 实有人员 above: the reading that adds up is taken.
    '本部门共有人员45人，其中行政编制20人，事业编制15人，工勤人员5人，退休人员5人。',
    '全年预算数150万元，其中年初预算100万元，追加50万元；全年执行数140万元，执行率93.33%。',
  ],
  invalid: [
    {
      // Asset classes are all of the assets: the list must add up.
      text: '我单位共有固定资产120件，其中包括通用设备60件，专用设备30件，家具、用具50件。',
      findings: [{ evidence: ['120件', '60件', '30件', '50件'], message: /60 \+ 30 \+ 50 = 140件，与所述 120件 不一致（相差 20件）/, severity: 'warning' }],
    },
    {
      // A list that may name only some parts, yet exceeds its total.
      text: '专项资金300万元，其中：设备购置200万元，人员培训150万元。',
      findings: [{ evidence: ['300万元', '200万元', '150万元'], message: /所列分项之和 200 \+ 150 = 350万元，超过总数 300万元（多出 50万元）/, severity: 'warning' }],
    },
    {
      // Counts so listed may overlap: only info.
      text: '培训干部500人次，其中：科级干部300人次，女性干部250人次。',
      findings: [{ evidence: ['500人次', '300人次', '250人次'], severity: 'info' }],
    },
    {
      text: '全年可用预算资金1,000,000.00元，其中年初预算600,000.00元，追加指标300,000.00元。',
      findings: [{ evidence: ['1,000,000.00元', '600,000.00元', '300,000.00元'], message: /900000\.00元，与所述 1000000\.00元 不一致（相差 100000\.00元）/ }],
    },
    {
      text: '成本指标：30万元，已支付培训资金2.50万元；剩余26万元，明年完成支付。',
      findings: [{ evidence: ['30万元', '2.50万元', '26万元'], message: /2\.50 \+ 26 = 28\.50万元/, severity: 'warning' }],
    },
    {
      text: '预算安排公用经费总额80000元，实际支出公用经费90000元，超支9000元。',
      findings: [{ evidence: ['9000元', '90000元', '80000元'], message: /90000 − 80000 = 10000元/ }],
    },
    {
      // One unit of the last digit: a rounding slip, not an error.
      text: '全年收入总计200.02万元。其中：财政拨款收入150.00万元；其他收入50.00万元。',
      findings: [{ evidence: ['200.02万元', '150.00万元', '50.00万元'], severity: 'info' }],
    },
  ],
})
