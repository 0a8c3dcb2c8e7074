// The knowledge base: complete in six languages, searchable with stemming and typos, and the
// index synth ships in the deployment bundle searches as the one built from the articles.
import { describe, expect, it } from 'vitest';
import { compileDeployment, readDeployment } from '../../shared/config/deployment.ts';
import { DEFAULT_CONFIG_DIR } from '../../shared/config/deployment-source.ts';
import { LANGUAGES } from '../../shared/domain/support-model.ts';
import { KnowledgeBase, type SerializedKnowledgeBase } from '../../shared/knowledge-base/knowledge-base.ts';

const { articles } = readDeployment(DEFAULT_CONFIG_DIR);
const kb = KnowledgeBase.build(articles);

describe('knowledge base', () => {
  it('has at least 20 articles in every language, each id in all six', () => {
    const ids = new Set(articles.map((a) => a.id));
    expect(ids.size).toBeGreaterThanOrEqual(20);
    for (const lang of LANGUAGES) {
      const mine = articles.filter((a) => a.lang === lang).map((a) => a.id);
      expect(new Set(mine), lang).toEqual(ids);
    }
  });

  it('the bundle synth ships carries the index built from the articles', () => {
    const { bundle } = compileDeployment(DEFAULT_CONFIG_DIR);
    const { kbIndex } = JSON.parse(bundle) as { kbIndex: SerializedKnowledgeBase };
    expect(kbIndex).toEqual(kb.serialize());
    const shipped = KnowledgeBase.load(kbIndex);
    expect(shipped.search('Kennwort vergessen', 'de').map((h) => h.id)).toContain('reset-password');
  });

  it.each([
    ['en', 'forgot password', 'reset-password'],
    ['de', 'Kennwort vergessen', 'reset-password'],
    ['nl', 'wachtwoord vergeten', 'reset-password'],
    ['fr', 'mot de passe oublié', 'reset-password'],
    ['es', 'olvidé mi contraseña', 'reset-password'],
    ['ru', 'забыл пароль', 'reset-password'],
    ['en', 'email signature', 'email-signature'],
    ['de', 'Abwesenheitsnotiz einschalten', 'out-of-office'],
    ['fr', 'se connecter au VPN depuis la maison', 'connect-vpn'],
    ['es', 'conectar al wifi de la oficina', 'connect-wifi'],
  ] as const)('finds in %s: "%s"', (lang, query, id) => {
    expect(kb.search(query, lang).map((h) => h.id)).toContain(id);
  });

  it('stems: plural and inflected forms find the same article', () => {
    expect(kb.search('passwords', 'en')[0]?.id).toBe(kb.search('password', 'en')[0]?.id);
    expect(kb.search('Drucker hinzufügen', 'de').map((h) => h.id)).toContain('add-printer');
  });

  it('tolerates typos', () => {
    expect(kb.search('pasword resett', 'en').map((h) => h.id)).toContain('reset-password');
    expect(kb.search('signatrue', 'en').map((h) => h.id)).toContain('email-signature');
  });

  it('answers only in the asked language', () => {
    for (const hit of kb.search('password', 'de')) expect(hit.lang).toBe('de');
  });
});
