import { describe, expect, it } from 'vitest';
import { Role } from '../users.ts';
import { ACTIONS, can, PERMISSIONS, rolesFor } from './index.ts';

describe('the permission table', () => {
  it('names every action as feature.verb and gives each at least one known role', () => {
    for (const action of ACTIONS) {
      expect(action).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(rolesFor(action).length).toBeGreaterThan(0);
      for (const role of rolesFor(action)) expect(Role.options).toContain(role);
    }
  });

  it('answers from the table and refuses a role that is not there', () => {
    expect(can('admin', 'user.manage')).toBe(true);
    expect(can('operator', 'user.manage')).toBe(false);
    expect(can('relawan', 'report.submit')).toBe(true);
    expect(can('mitra', 'report.submit')).toBe(false);
    expect(can('unknown-role', 'report.submit')).toBe(false);
    expect(Object.keys(PERMISSIONS)).toEqual(ACTIONS);
  });
});
