// A configuration folder is read whole and every problem is named with its file and field, so
// an author fixes them in one go; the shipped folders are valid.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeploymentConfigError, readDeployment } from '../../shared/config/deployment.ts';
import { DEFAULT_CONFIG_DIR } from '../../shared/config/deployment-source.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tierdesk-folder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function problemsOf(dir: string): readonly string[] {
  try {
    readDeployment(dir);
  } catch (error) {
    if (error instanceof DeploymentConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('a configuration folder', () => {
  it.each([DEFAULT_CONFIG_DIR, join(DEFAULT_CONFIG_DIR, '../examples/software-vendor')])(
    'ships valid: %s',
    (dir) => {
      expect(problemsOf(dir)).toEqual([]);
    },
  );

  it('names every problem at once, each with its file and field', () => {
    const dir = join(scratch, 'broken');
    cpSync(DEFAULT_CONFIG_DIR, dir, { recursive: true });
    unlinkSync(join(dir, 'teams.json'));
    writeFileSync(join(dir, 'desk-policy.json'), '{ "objectionDays": 5, ');
    const de = JSON.parse(readFileSync(join(dir, 'articles/de.json'), 'utf8')) as Array<{
      id: string;
      lang: string;
    }>;
    const dropped = de.shift()?.id;
    (de[0] as { lang: string }).lang = 'fr';
    writeFileSync(join(dir, 'articles/de.json'), JSON.stringify(de));
    writeFileSync(
      join(dir, 'routing-rules.json'),
      JSON.stringify({ rules: [{ id: 'ok-rule', reason: 'fine', match: { any: ['the'] }, level: 7 }] }),
    );

    const problems = problemsOf(dir).join('\n');
    expect(problems).toMatch(/broken\/teams\.json: missing/);
    expect(problems).toMatch(/broken\/desk-policy\.json: not valid JSON/);
    expect(problems).toMatch(/broken\/articles\/de\.json: \[0\]\.lang: 'fr' in the file of another language/);
    expect(problems).toMatch(new RegExp(`broken/articles/de\\.json: lacks ${dropped}`));
    expect(problems).toMatch(
      /broken\/routing-rules\.json: rules\.0\.match\.any\.0: 'the' says nothing about a topic/,
    );
  });

  it('says so when the folder is not there', () => {
    expect(problemsOf(join(scratch, 'nowhere'))).toEqual([`${join(scratch, 'nowhere')}: not a folder`]);
  });
});
