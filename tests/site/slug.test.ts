// Tool slugs: URL-safe, unique within a server, deterministic, and never a path that leaves its folder.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignSlugs, hashedSlug, isSafeSlug, plainSlug, shortHash } from '../../src/core/names.ts';

describe('plainSlug', () => {
  it('keeps safe names, lower-cased', () => {
    expect(plainSlug('close_session')).toBe('close_session');
    expect(plainSlug('Get.User-Info_2')).toBe('get.user-info_2');
  });
  it('rejects names that are not a single safe segment', () => {
    for (const name of [
      '',
      '.',
      '..',
      '../etc',
      'a/b',
      'a\\b',
      'a b',
      '.hidden',
      'trailing.',
      'x'.repeat(81),
      'café',
      'İstanbul',
      'policy.json',
      'POLICY.INTERCEPT.YAML',
      'index.html',
    ]) {
      expect(plainSlug(name), name).toBeUndefined();
    }
  });
});

describe('assignSlugs', () => {
  it('gives case twins distinct slugs, the exact lower-case spelling keeping the plain one', () => {
    const slugs = assignSlugs(['Foo', 'foo', 'FOO']);
    expect(slugs[1]).toBe('foo');
    expect(slugs[0]).toBe(`foo-${shortHash('Foo')}`);
    expect(slugs[2]).toBe(`foo-${shortHash('FOO')}`);
  });
  it('numbers exact duplicates in listing order', () => {
    expect(assignSlugs(['a b', 'a b', 'a b'])).toEqual([
      hashedSlug('a b'),
      `${hashedSlug('a b')}-2`,
      `${hashedSlug('a b')}-3`,
    ]);
    expect(assignSlugs(['x', 'x'])).toEqual(['x', `x-${shortHash('x')}`]);
  });
  it('turns hostile names into safe hashed slugs', () => {
    const names = [
      '../../etc/passwd',
      '..',
      '.',
      '</script><script>alert(1)</script>',
      '{process.exit()}',
      'a\u202Eb',
      'zero\u200Bwidth',
      '\u{E0041}tag',
      'C:\\Windows',
      '',
      '💥',
    ];
    const slugs = assignSlugs(names);
    for (const slug of slugs) expect(isSafeSlug(slug), slug).toBe(true);
    expect(new Set(slugs).size).toBe(names.length);
    expect(slugs[0]).toBe(`etc-passwd-${shortHash('../../etc/passwd')}`);
    expect(slugs[1]).toBe(`tool-${shortHash('..')}`);
  });
  it('never lets a hashed slug collide with a plain one', () => {
    const hashed = hashedSlug('a b');
    expect(new Set(assignSlugs([hashed, 'a b'])).size).toBe(2);
    expect(new Set(assignSlugs(['a b', hashed])).size).toBe(2);
  });
  it('is unique, safe and deterministic for any list of names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('a', 'A', '..', 'policy.json', 'x y', 'X Y')), {
          maxLength: 30,
        }),
        (names) => {
          const slugs = assignSlugs(names);
          expect(slugs).toHaveLength(names.length);
          expect(new Set(slugs).size).toBe(names.length);
          for (const slug of slugs) expect(isSafeSlug(slug)).toBe(true);
          expect(assignSlugs(names)).toEqual(slugs);
        },
      ),
    );
  });
});

describe('one slugify for scanner and site', () => {
  it('strips accents the same way for server ids and tool slugs', async () => {
    const { slugify } = await import('../../src/core/names.ts');
    const scanner = await import('../../src/scanner/targets.ts');
    expect(slugify('Café Über')).toBe('cafe-uber');
    expect(scanner.slugify('Café Über')).toBe('cafe-uber');
    expect(hashedSlug('Café Über')).toBe(`cafe-uber-${shortHash('Café Über')}`);
    expect(slugify('💥')).toBe('server');
    expect(slugify('x'.repeat(100))).toHaveLength(80);
  });
  it('leaves every committed server id and tool slug as it was', async () => {
    const { slugify } = await import('../../src/core/names.ts');
    const { loadSnapshots } = await import('../../src/site/content.ts');
    const snapshots = loadSnapshots();
    expect(snapshots.length).toBeGreaterThanOrEqual(70);
    for (const s of snapshots) expect(slugify(s.id), s.id).toBe(s.id);
    // Tool URLs of the original catalogue, spot-checked (the site's URLs are permanent).
    const delx = snapshots.find((s) => s.id === 'delx');
    expect(delx && assignSlugs(delx.tools.map((t) => t.name))).toContain('close_session');
  });
});
