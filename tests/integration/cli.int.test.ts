import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/kernel/db/pglite';
import { DataDirInUseError } from '../../src/server/kernel/db/lockfile';
import { runCli } from '../support/processes';

describe('the shopfloor CLI on an embedded data directory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shopfloor-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, seeds, adds a user, resets a password and proves the invariants', async () => {
    const env = { SHOPFLOOR_DATA: dir };
    expect((await runCli(['migrate'], env)).stdout).toMatch(/Applied 0001_kernel, 0002_people/);
    expect((await runCli(['seed'], env)).stdout).toMatch(/Demo data loaded/);
    const add = await runCli(['user', 'add', 'quinn', '--role', 'operator', '--role', 'verifier', '--name', 'Quinn Q'], env);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Created quinn \(operator, verifier\)/);
    expect(add.stdout).toMatch(/Password: \S{12,}/);
    const bad = await runCli(['user', 'add', 'x', '--role', 'wizard'], env);
    expect(bad.code).toBe(2);
    const reset = await runCli(['user', 'reset-password', 'quinn', '--password', 'new-password-1'], env);
    expect(reset.code).toBe(0);
    const check = await runCli(['check'], env);
    expect(check.stdout).toMatch(/ok +audit chain: \d+ audit events verified/);
    expect(check.code).toBe(0);
  });

  it('a second process refuses a data directory that is in use', async () => {
    const db = await openPglite(dir);
    try {
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirInUseError);
      const other = await runCli(['migrate'], { SHOPFLOOR_DATA: dir });
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/is in use by another Shopfloor process \(pid \d+\)/);
    } finally {
      await db.close();
    }
    expect((await runCli(['migrate'], { SHOPFLOOR_DATA: dir })).code).toBe(0);
  });
});
