/**
 * The hostile texts of the loader fuzzers, made to a size: `near` characters or a little less. The fuzz tests
 * read them at 60 KB and at an eighth of that and compare the work counted (src/core/work.ts); the benchmark
 * (`npm run bench -- --loaders`) times them at 60 KB. Only the texts live here; every test keeps its own checks.
 */

/** Budget document texts (test/hardening/fuzz.test.ts): deep nesting, long numbers, many keys, many bad values. */
export function hostileBudgetTexts(near: number): string[] {
  return [
    '['.repeat(near),
    '{"a":'.repeat(near / 5),
    '9'.repeat(near),
    `"${'\\u0041'.repeat(near / 6)}"`,
    `{${Array.from({ length: near / 13 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
    `{${Array.from({ length: near / 12 }, () => '"dup":1').join(',')}}`,
    `{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2025},"sections":[{"id":"1","title":"s","lines":[${Array.from(
      { length: near / 80 },
      (_, i) => `{"id":"l${i}","title":"t","values":{"2025":"0x${i}"}}`,
    ).join(',')}]}]}`,
    `{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2025},"sections":[{"id":"1","title":"s","lines":[${Array.from(
      { length: near / 75 },
      () => `{"id":"same","title":"t","nature":"structural","values":["1"]}`,
    ).join(',')}]}]}`,
    `{"version":1,"title":"t","unit":"euro","horizon":{"from":2025,"to":2025},"sections":[{"id":"1","title":"s","lines":[${Array.from(
      { length: near / 110 },
      (_, i) => `{"id":"l${i}","title":"t","nature":"structural","values":["${'9'.repeat(40)}"]}`,
    ).join(',')}]}]}`,
  ];
}

/**
 * Scenario texts for seed000-tb1-with-cover (test/hardening/fuzz-scenario.test.ts): hundreds of conflicting,
 * additive, added, moved, unknown changes; deep nesting.
 */
export function hostileScenarioTexts(near: number): string[] {
  /** A scenario of as many copies of `change` as fit in `near` characters, `#` replaced by the copy's number. */
  const scenario = (change: string): string => {
    const n = Math.floor(near / (change.length + 4));
    return `{"id":"v","title":"t","changes":[${Array.from({ length: n }, (_, i) => change.replace(/#/g, String(i))).join(',')}]}`;
  };
  return [
    scenario('{"kind":"set-amount","line":"1.5","years":[2025],"value":"#"}'),
    scenario('{"kind":"set-amount","line":"1.5","years":{"from":2025},"value":{"add":"1"}}'),
    scenario('{"kind":"set-amount","line":"1.7","years":{"from":2025},"value":{"percent":"101"}}'),
    scenario('{"kind":"index","select":{"lines":["1.1"]},"rates":{"2026":"1.5"}}'),
    scenario('{"kind":"add-line","section":"1","line":{"id":"N#","title":"t","nature":"structural","values":{"2026":"5"}}}'),
    scenario('{"kind":"add-claim","claim":{"id":"C#","target":"1.4","source":"werkbudget-wmo"}}'),
    scenario('{"kind":"set-capacity","source":"du-noodopvang","years":[2026],"value":"#"}'),
    scenario('{"kind":"set-nature","line":"1.7","nature":"structural"},{"kind":"set-nature","line":"1.7","nature":"incidental"}'),
    scenario('{"kind":"drop-line","line":"1.#"}'),
    scenario('{"kind":"move-amount","from":"1.5","to":"4.1","years":{"from":2026},"amount":"1"}'),
    scenario('{"kind":"estimate-pm","line":"1.4","value":{"low":"1","likely":"2","high":"3"}}'),
    scenario('{"kind":"nope","line":"__proto__","years":"x","value":1e309}'),
    '{"id":"v","title":"t","changes":' + '['.repeat(near - 40),
    `{"id":"v","title":"t","changes":[{"kind":"index","select":{"lines":[${Array.from({ length: near / 6 }, () => '"1.1"').join(',')}]},"rates":{"2026":"1"}}]}`,
  ];
}

/** `n` index changes that each select a dozen rows of seed000 by tag (once about 150 ms at 720 changes). */
export function indexScenarioText(n: number): string {
  return `{"id":"v","title":"t","changes":[${Array.from({ length: n }, () => '{"kind":"index","select":{"tags":{"goal":"2.1"}},"rates":{"2026":"1.5","2027":"2"}}').join(',')}]}`;
}

/** CSV year table texts (test/hardening/fuzz-csv.test.ts), each under `near` characters or a little over it. */
export function hostileCsvTexts(near: number): string[] {
  const rows = (header: string, row: (i: number) => string, eol = '\r\n'): string => {
    const out = [header];
    for (let i = 0, size = header.length; size < near; i++) {
      const r = row(i);
      out.push(r);
      size += r.length + eol.length;
    }
    return out.join(eol);
  };
  const cols = (n: number, f: (i: number) => string, sep = ';'): string => Array.from({ length: n }, (_, i) => f(i)).join(sep);
  const years301 = cols(301, (i) => String(1900 + i));
  let n = 0;
  return [
    rows('Omschrijving;2025', (i) => `a;${i % 10}`),
    rows('id;Omschrijving;2025;2026;2027;2028;2029;2030', (i) => `${i};a;1;2;3;4;5;6`),
    rows('Omschrijving;2025;2026;2027', () => 'a;1.234;2,5;-'),
    rows('Omschrijving,2025,2026', () => '"a, b","1,234.5",pm', '\n'),
    rows('Omschrijving;2025', () => 'a;1', '\r'),
    rows('id;Omschrijving;2025', () => 'a;b;1'),
    rows('Omschrijving;2025', () => 'a;1e5'),
    rows('Omschrijving;2025', () => '"x ""y"" z";-pm'),
    rows(`Omschrijving;${years301}`, () => `a;${cols(301, () => String(n++))}`).slice(0, near),
    rows(`Omschrijving;${years301}`, () => `a;${cols(301, () => `${n++ % 1000}.${n % 7}`)}`).slice(0, near),
    rows(`Omschrijving;${years301}`, () => `a;${cols(301, () => `"${n++ % 1000},${n % 7}"`)}`).slice(0, near),
    `Omschrijving;2025;${cols(Math.round(near / 10.24), (i) => `c${i}`)}\r\nx;1;${cols(Math.round(near / 10.24), () => 'x')}`,
    `Omschrijving;2025\r\nx;1;${cols(near / 2 - 20, () => 'x')}`,
    `Omschrijving;${cols(near / 5 - 4, () => '2025')}`,
    `Omschrijving;${cols(near / 5 - 4, (i) => String(1000 + (i % 9000)))}\r\nx;${cols(near / 5 - 4, () => '1')}`.slice(0, near),
    `Omschrijving;2025\r\n"${'""'.repeat(near / 2 - 20)}";1`,
    `Omschrijving;2025\r\n"${'x;\r\n'.repeat(near / 4 - 10)}";1`,
    `"${'a'.repeat(near)}`,
    ';'.repeat(near) + '2025',
    ','.repeat(near / 2) + ';'.repeat(near / 2) + '\n2025',
    '"'.repeat(near),
    '\ufeff' + '\r\n'.repeat(near / 2) + 'x;2025',
    rows('Omschrijving;2025', (i) => `${'x'.repeat(i % 2000)};1`),
    rows('Omschrijving;2025', () => `a;${'9'.repeat(30)}`),
    rows('Omschrijving;2025', () => `a;${'1.'.repeat(20)}5`),
  ];
}
