// POST /triage and GET /kb/search through the local HTTP API, in all six languages.
import { describe, expect, it } from 'vitest';
import { call } from '../support/http.ts';

describe('POST /triage', () => {
  it.each([
    [
      'en',
      'Printer on 2nd floor',
      'The Canon imageRUNNER on the second floor shows error E-52 and prints nothing.',
      4,
    ],
    ['de', 'Rechnung falsch', 'Auf der Rechnung für die Verlängerung steht die falsche USt-IdNr.', 1],
    [
      'nl',
      'Installatie mislukt',
      'De installer stopt met de foutmelding toegang geweigerd op mijn laptop.',
      2,
    ],
    [
      'fr',
      'SSO',
      "L'authentification unique rejette des jetons valides depuis ce matin pour tous les utilisateurs.",
      3,
    ],
    ['es', 'Contraseña', '¿Cómo puedo restablecer mi contraseña olvidada?', 0],
    ['ru', 'Ночная выгрузка', 'Ночная задача выгрузки в базу данных зависает с deadlock каждую ночь.', 3],
  ] as const)('classifies a %s request with reasons', async (language, subject, description, level) => {
    const { status, json } = await call('POST', '/triage', { body: { subject, description } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ language, level });
    expect(json.priority).toMatch(/^P[1-5]$/);
    expect(json.reasons.length).toBeGreaterThan(2);
    expect(Array.isArray(json.missingFacts)).toBe(true);
    if (level === 0) expect(json.articles[0].id).toBe('reset-password');
  });

  it('uses the form language for a text too short to tell', async () => {
    const { json } = await call('POST', '/triage', { body: { description: 'Outlook', language: 'nl' } });
    expect(json.language).toBe('nl');
  });

  it('refuses an empty draft with a JSON error', async () => {
    const { status, json } = await call('POST', '/triage', { body: { subject: 'x', description: '' } });
    expect(status).toBe(400);
    expect(json.error.field).toBe('description');
  });
});

describe('GET /kb/search', () => {
  it('finds articles with stemming and typos', async () => {
    const { status, json } = await call(
      'GET',
      `/kb/search?q=${encodeURIComponent('wachtwoord vergten')}&lang=nl`,
    );
    expect(status).toBe(200);
    expect(json.results[0]).toMatchObject({ id: 'reset-password', lang: 'nl' });
  });

  it('validates its query', async () => {
    expect((await call('GET', '/kb/search?lang=xx&q=a')).status).toBe(400);
    expect((await call('GET', '/kb/search')).json.error.field).toBe('q');
  });
});
