import { describe, expect, it } from 'vitest';
import { TermMatcher, tokensOf } from '../../shared/domain/classification/term-matcher.ts';

describe('TermMatcher', () => {
  const matcher = new TermMatcher<string>().add('drucker pc$ geht_nicht mot_de_passe пароль', 'hit');
  const terms = (text: string) => matcher.match(tokensOf(text)).map((m) => m.term);

  it('matches stems as prefixes, whole words only where marked', () => {
    expect(terms('Der Druckertreiber')).toEqual(['drucker']);
    expect(terms('my PC crashed')).toEqual(['pc$']);
    expect(terms('PCs are fine')).toEqual([]);
  });

  it('matches phrases word by word, regardless of case and accents', () => {
    expect(terms('VPN GEHT NICHT mehr')).toEqual(['geht_nicht']);
    expect(terms("j'ai oublié mon mot de passe")).toEqual(['mot_de_passe']);
    expect(terms('geht heute nicht')).toEqual([]);
  });

  it('reads Cyrillic', () => {
    expect(terms('Забыл пароль от почты')).toEqual(['пароль']);
  });
});
