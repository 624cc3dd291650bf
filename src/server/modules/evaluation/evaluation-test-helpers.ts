// Set-up shared by the evaluation tests: the people of the hand-made dataset in a test app, and the dataset.
import { PEOPLE, type PersonSpec, people, type TestApp, type TestUser } from '../../../../test/harness.ts';
import { type Dataset, seedEvaluationDataset } from './evaluation-dataset.ts';

/**
 * The people of the hand-made dataset, as testAppWith takes them: the koordinator of Bakorwil V, the operators of
 * Jember and Banyuwangi, a tagana field user and a volunteer of Tanggul.
 */
export const EVALUATION_PEOPLE = {
  ...people('koordinator', 'operatorJember'),
  operatorBanyuwangi: { role: 'operator', region: '35.10' },
  ...people('relawan'),
  volunteer: PEOPLE.relawan,
} as const satisfies Record<string, PersonSpec>;

/** Writes the dataset with the people of EVALUATION_PEOPLE once testAppWith has made them. */
export function seedEvaluationData(
  t: TestApp,
  people: { operatorJember: TestUser; relawan: TestUser; volunteer: TestUser },
): Promise<Dataset> {
  return seedEvaluationDataset(t.db, {
    operatorId: people.operatorJember.id,
    taganaUserId: people.relawan.id,
    volunteerId: people.volunteer.id,
  });
}
