import { foldConditions, type TransactItem } from '../../../functions/platform/dynamodb/transactions';

const REFERRAL = { pk: '$linkwork#referralid_r1', sk: '$referral_1' };

const update: TransactItem = {
  Update: {
    TableName: 'linkwork',
    Key: REFERRAL,
    UpdateExpression: 'SET #updatedAt = :updatedAt',
    ConditionExpression: 'attribute_not_exists(#erasedAt)',
    ExpressionAttributeNames: { '#updatedAt': 'updatedAt', '#erasedAt': 'erasedAt' },
    ExpressionAttributeValues: { ':updatedAt': '2026-01-12T10:00:00.000Z' },
  },
};

const open: TransactItem = {
  ConditionCheck: {
    TableName: 'linkwork',
    Key: REFERRAL,
    ConditionExpression: '#caseState = :open AND attribute_not_exists(#erasedAt)',
    ExpressionAttributeNames: { '#caseState': 'caseState', '#erasedAt': 'erasedAt' },
    ExpressionAttributeValues: { ':open': 'OPEN' },
  },
};

describe('foldConditions', () => {
  it('returns one action per item, the condition on the write joining its own under names that do not clash', () => {
    const [write, ...rest] = foldConditions([update, open]);

    expect(rest).toEqual([]);
    expect(write?.Update).toEqual({
      ...update.Update,
      ConditionExpression:
        '(attribute_not_exists(#erasedAt)) AND (#caseState_c1 = :open_c1 AND attribute_not_exists(#erasedAt_c1))',
      ExpressionAttributeNames: {
        '#updatedAt': 'updatedAt',
        '#erasedAt': 'erasedAt',
        '#caseState_c1': 'caseState',
        '#erasedAt_c1': 'erasedAt',
      },
      ExpressionAttributeValues: { ':updatedAt': '2026-01-12T10:00:00.000Z', ':open_c1': 'OPEN' },
    });
  });

  it('returns a condition on an item nothing else writes as it was, and leaves the actions given unchanged', () => {
    const other = {
      ConditionCheck: { ...open.ConditionCheck!, Key: { pk: '$linkwork#referralid_r2', sk: '$referral_1' } },
    };
    const given = structuredClone([update, other]);

    expect(foldConditions(given)).toEqual([update, other]);
    expect(given).toEqual([update, other]);
  });
});
