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

  it('lets `*` in a phrase stand for exactly one word', () => {
    const wild = new TermMatcher<string>().add('ne_*_plus', 'fault');
    const found = (text: string) => wild.match(tokensOf(text)).map((m) => m.term);
    expect(found('La batterie ne charge plus')).toEqual(['ne_*_plus']);
    expect(found('ne se recharge plus')).toEqual([]);
    expect(found('il ne reste que ça, plus rien')).toEqual([]);
  });

  it("splits French elisions into two words, and matches one-letter whole words (l', n', s')", () => {
    expect(tokensOf("L'écran n'affiche rien")).toEqual(['l', 'ecran', 'n', 'affiche', 'rien']);
    expect(tokensOf("doesn't work")).toEqual(['doesnt', 'work']);
    const elided = new TermMatcher<string>().add('ne_s$_*_plus n$_*_plus', 'fault');
    const found = (text: string) => elided.match(tokensOf(text)).map((m) => m.term);
    expect(found("l'écran ne s'allume plus")).toEqual(['ne_s$_*_plus']);
    expect(found("l'imprimante n'imprime plus")).toEqual(['n$_*_plus']);
    expect(found('nous imprimons plus')).toEqual([]);
  });

  it('reads Cyrillic', () => {
    expect(terms('Забыл пароль от почты')).toEqual(['пароль']);
  });
});
