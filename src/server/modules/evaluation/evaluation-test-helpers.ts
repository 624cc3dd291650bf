// Set-up shared by the evaluation tests: the people of the hand-made dataset in a test app, and the dataset.
import type { TestApp, TestUser } from '../../../../test/harness.ts';
import { type Dataset, seedEvaluationDataset } from './evaluation-dataset.ts';

/** Who the evaluation tests act as, and the dataset written for them. */
export type EvaluationCast = {
  koordinator: TestUser;
  operatorJember: TestUser;
  operatorBanyuwangi: TestUser;
  /** The tagana field user of the dataset. */
  relawan: TestUser;
  data: Dataset;
};

/**
 * Makes the koordinator of Bakorwil V, the operators of Jember and Banyuwangi, a tagana field user and a
 * volunteer of Tanggul, then writes the dataset with them.
 */
export async function seedEvaluationCast(t: TestApp, koordinatorName?: string): Promise<EvaluationCast> {
  const koordinator = await t.user({
    role: 'koordinator',
    region: 'V',
    ...(koordinatorName ? { displayName: koordinatorName } : {}),
  });
  const operatorJember = await t.user({ role: 'operator', region: '35.09' });
  const operatorBanyuwangi = await t.user({ role: 'operator', region: '35.10' });
  const relawan = await t.user({ role: 'relawan', region: '35.09.06.2002' });
  const volunteer = await t.user({ role: 'relawan', region: '35.09.06.2002' });
  const data = await seedEvaluationDataset(t.db, {
    operatorId: operatorJember.id,
    taganaUserId: relawan.id,
    volunteerId: volunteer.id,
  });
  return { koordinator, operatorJember, operatorBanyuwangi, relawan, data };
}
