import * as fs from 'fs';
import * as path from 'path';
import { renderCatalogDocs } from './docs-generator';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'catalog.md');

describe('docs/catalog.md', () => {
  test('is generated from the catalogue source and up to date', () => {
    const expected = renderCatalogDocs();
    if (process.env.UPDATE_CATALOG_DOCS) {
      fs.mkdirSync(path.dirname(DOCS), { recursive: true });
      fs.writeFileSync(DOCS, expected);
    }
    const actual = fs.existsSync(DOCS) ? fs.readFileSync(DOCS, 'utf-8') : '';
    if (actual !== expected) {
      throw new Error('docs/catalog.md is out of date: run `UPDATE_CATALOG_DOCS=1 npx jest test/catalog/docs` and commit it');
    }
  });

  test('documents every exported catalogue construct with its options, severity and an example', () => {
    const md = renderCatalogDocs();
    for (const name of ['RequireResourceLimits', 'DisallowLatestTag', 'RequireProbes', 'DisallowPrivileged', 'DisallowHostNamespaces',
      'DisallowHostPath', 'DisallowHostPorts', 'RequireRunAsNonRoot', 'RestrictCapabilities', 'RestrictImageRegistries',
      'RequireImageDigest', 'RequireLabels', 'RequireAnnotations', 'NamingConventions', 'DisallowDefaultNamespace',
      'RequirePodDisruptionBudget']) {
      const section = md.split(`### ${name}\n`)[1]?.split('\n### ')[0];
      expect({ name, hasSection: section !== undefined }).toEqual({ name, hasSection: true });
      expect(section).toMatch(/#### Options/);
      expect(section).toMatch(/```ts\nnew /);
      expect(section).toMatch(/\| (low|medium|high|critical) \|/);
    }
    expect(md).toContain('### PodSecurityBaseline, PodSecurityRestricted');
  });
});
