import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { GOAL_STATUSES } from '../vocabulary';

/** A "what matters to you" conversation note. `text` is removed on erasure (`erasedAt` set). */
export function whatMattersEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'whatMatters', version: '1', service: SERVICE },
      attributes: {
        referralId: { type: 'string', required: true, readOnly: true },
        noteId: { type: 'string', required: true, readOnly: true },
        text: { type: 'string' },
        recordedBy: { type: 'string', required: true, readOnly: true },
        recordedAt: { type: 'string', required: true, readOnly: true },
        erasedAt: { type: 'string' },
      },
      indexes: {
        byReferral: {
          collection: 'referralRecord',
          pk: { field: 'pk', composite: ['referralId'] },
          sk: { field: 'sk', composite: ['noteId'] },
        },
      },
    },
    config,
  );
}

/** One goal of the personalised plan. `description` is removed on erasure; the status stays for figures. */
export function goalEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'goal', version: '1', service: SERVICE },
      attributes: {
        referralId: { type: 'string', required: true, readOnly: true },
        goalId: { type: 'string', required: true, readOnly: true },
        description: { type: 'string' },
        status: { type: GOAL_STATUSES, required: true },
        updatedBy: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
        erasedAt: { type: 'string' },
      },
      indexes: {
        byReferral: {
          collection: 'referralRecord',
          pk: { field: 'pk', composite: ['referralId'] },
          sk: { field: 'sk', composite: ['goalId'] },
        },
      },
    },
    config,
  );
}

export type WhatMattersEntity = ReturnType<typeof whatMattersEntity>;
export type WhatMattersNote = EntityItem<WhatMattersEntity>;
export type GoalEntity = ReturnType<typeof goalEntity>;
export type Goal = EntityItem<GoalEntity>;
