import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (path: string, text: string) => scan({ path, text, startLine: 1 }).map((f) => f.detector);
// The alphabet of Django's get_random_secret_key().
const DJANGO = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)';

describe('Django SECRET_KEY', () => {
  const rng = seededRng(13);
  const key = () => `${rng.string(DJANGO, 24)}k7#${rng.string(DJANGO, 23)}`;

  it('finds the key startproject writes into settings.py', () => {
    const settings = `BASE_DIR = Path(__file__).resolve().parent.parent\n\nSECRET_KEY = 'django-insecure-${key()}'\n\nDEBUG = True\n`;
    expect(found('mysite/settings.py', settings)).toEqual(['django-insecure-key']);
  });

  it('finds a 50-character key under SECRET_KEY or DJANGO_SECRET_KEY', () => {
    expect(found('mysite/settings/production.py', `SECRET_KEY = "${key()}"\n`)).toEqual(['django-secret-key']);
    expect(found('.env', `DJANGO_SECRET_KEY=${key().replace(/[#$&(]/g, 'x')}\n`)).toEqual(['django-secret-key']);
  });

  it('stays quiet on keys read from the environment and on placeholders', () => {
    expect(found('settings.py', `SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n`)).toEqual([]);
    expect(found('settings.py', `SECRET_KEY = "django-insecure-change-me"\n`)).toEqual([]);
  });
});
