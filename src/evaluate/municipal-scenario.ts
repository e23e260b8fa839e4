/**
 * A scenario on the whole municipality (scenario op de hele gemeente): a scenario addressed to one programme, applied
 * to that programme's table, and its effect on the programme, the begrotingssaldo and the structural balance of the
 * whole.
 * @module
 */
import { deepFreeze } from '../core/freeze.js';
import { fail } from '../core/errors.js';
import { integer, oneOf, readOptions, requireString } from '../core/guard.js';
import { MAX_HORIZON_YEARS } from '../core/horizon.js';
import { noNegativeZero, ZERO, type Decimal } from '../core/decimal.js';
import type { Municipality } from '../model/municipality.js';
import type { ScenarioResult } from '../scenario/apply.js';
import type { Scenario, ScenarioLibrary } from '../scenario/types.js';
import { admitMunicipality, requireMunicipality } from '../validate/municipality.js';
import { applyScenario } from './apply-scenario.js';
import { evaluateMunicipality, type MunicipalityEvaluation } from './municipality.js';

/** Options of {@link applyMunicipalScenario}. @category Scenarios */
export interface MunicipalScenarioOptions {
  /** As for `applyScenario`: what to do when two changes touch the same cell in an order-dependent way. @defaultValue 'error' */
  readonly conflicts?: 'error' | 'report';
  /** As for `evaluateMunicipality`. @defaultValue 3 */
  readonly incidentalThreshold?: number;
}

/** The effect of a scenario on the whole in one year (after minus before), in euros. @category Scenarios */
export interface MunicipalEffectYear {
  /** On the programme's own saldo (its saldo van baten en lasten plus its reserve mutations). */
  readonly programme: Decimal;
  /** On the begrotingssaldo of the whole. */
  readonly begrotingssaldo: Decimal;
  /** On the incidental saldo of the whole. */
  readonly incidental: Decimal;
  /** On the structural saldo of the whole. */
  readonly structural: Decimal;
}

/** A scenario applied to one programme of a municipality, and its effect on the whole. A frozen value. @category Scenarios */
export interface MunicipalScenarioResult {
  /** Id of the programme the scenario is addressed to. */
  readonly programme: string;
  /** Id of the scenario. */
  readonly scenario: string;
  /** Title of the scenario. */
  readonly title: string;
  /** The municipality with the programme's scenario budget in its place. */
  readonly municipality: Municipality;
  /** The programme's own scenario result (its own view: table, patches, touched cells). */
  readonly result: ScenarioResult;
  /** The whole before the scenario. */
  readonly before: MunicipalityEvaluation;
  /** The whole after it. */
  readonly after: MunicipalityEvaluation;
  /** After minus before, per year. */
  readonly effect: Readonly<Record<string, MunicipalEffectYear>>;
}

/**
 * Applies a scenario to one programme of a municipality and shows its effect on the whole (motie op de hele
 * begroting): the programme's own scenario result, the municipality with the programme's new table in its place,
 * the whole before and after, and per year the effect on the programme's saldo, the begrotingssaldo and the
 * structural saldo. The verdicts of `before` and `after` say whether the scenario changes the supervisor's view.
 *
 * @remarks
 * The scenario addresses the programme's lines, cover and targets as `applyScenario` does for one table. The links of
 * "dekking via OAD" stay; a link whose claim the scenario drops is an `oad_claim_missing` finding of `after`.
 * @param municipality - the municipality
 * @param programme - id of the programme the scenario is addressed to
 * @param scenario - the scenario
 * @param library - scenarios that `extends` may name, as for `applyScenario`
 * @param options - conflicts, incidental threshold
 * @throws MeerjarenError `unknown_reference` at `programme` for a programme the municipality does not have; the
 *   scenario's own refusals as `applyScenario` gives them
 * @example
 * ```ts
 * import { applyMunicipalScenario, loadMunicipality } from 'meerjaren';
 *
 * const m = loadMunicipality({
 *   format: 'meerjaren/municipality', version: 1, title: 'Gemeente Voorbeeld', unit: 'euro', horizon: { from: 2026, to: 2027 },
 *   programmes: [{ id: '4', budget: { version: 1, title: 'Vrije tijd', unit: 'euro', horizon: { from: 2026, to: 2027 },
 *     sections: [{ id: 'A', title: 'Lasten en baten', lines: [{ id: 'sub', title: 'Subsidies', nature: 'structural', values: [-100000, -100000] }] }] } }],
 *   oad: { lines: [{ id: 'ozb', title: 'OZB', nature: 'structural', values: [140000, 140000] }] },
 * });
 * const motion = { id: '2506-85', title: 'Motie 2506-85', changes: [{ kind: 'add-line' as const, section: 'A',
 *   line: { id: 'm85', title: 'Subsidies naar programma 4', nature: 'structural' as const, values: { '2026': '-52450', '2027': '-52450' } } }] };
 * const r = applyMunicipalScenario(m, '4', motion);
 * r.effect['2026']!.begrotingssaldo.toFixed(); // "-52450"
 * r.after.perYear['2026']!.structural.toFixed(); // "-12450": 140.000 - 100.000 - 52.450
 * ```
 * @category Scenarios
 */
export function applyMunicipalScenario(municipality: Municipality, programme: string, scenario: Scenario, library?: ScenarioLibrary, options: MunicipalScenarioOptions = {}): MunicipalScenarioResult {
  const m = requireMunicipality('applyMunicipalScenario', 'municipality', municipality);
  requireString('applyMunicipalScenario', 'programme', programme);
  options = readOptions('applyMunicipalScenario', options, { conflicts: oneOf(['error', 'report']), incidentalThreshold: integer({ min: 0, max: MAX_HORIZON_YEARS }) });
  const at = m.programmes.findIndex((p) => p.id === programme);
  if (at < 0) fail('unknown_reference', ['programme'], `applyMunicipalScenario: "${programme}" is not a programme of the municipality (${m.programmes.map((p) => p.id).join(', ')})`);
  const target = m.programmes[at]!;
  const result = applyScenario(target.budget, scenario, library, options.conflicts === undefined ? {} : { conflicts: options.conflicts });
  const programmes = m.programmes.map((p, i) => (i === at ? Object.freeze({ ...p, budget: result.budget }) : p));
  const next = admitMunicipality(Object.freeze({ ...m, programmes: Object.freeze(programmes) }));
  const evalOptions = options.incidentalThreshold === undefined ? {} : { incidentalThreshold: options.incidentalThreshold };
  const before = evaluateMunicipality(m, evalOptions);
  const after = evaluateMunicipality(next, evalOptions);
  const effect: Record<string, MunicipalEffectYear> = {};
  for (const year of before.years) {
    const b = before.perYear[year]!;
    const a = after.perYear[year]!;
    const own = (e: MunicipalityEvaluation): Decimal => {
      const y = e.perYear[year]!;
      return (y.programmes[programme]?.amount ?? ZERO).plus(y.programmeReserves[programme]?.amount ?? ZERO);
    };
    const d = (x: Decimal, y: Decimal): Decimal => noNegativeZero(x.minus(y));
    effect[year] = { programme: d(own(after), own(before)), begrotingssaldo: d(a.begrotingssaldo, b.begrotingssaldo), incidental: d(a.incidental, b.incidental), structural: d(a.structural, b.structural) };
  }
  // the result stays as applyScenario built it (its evaluation is a getter); the rest is frozen here
  return Object.freeze({ programme, scenario: result.scenario, title: result.title, municipality: next, result, before, after, effect: deepFreeze(effect) });
}
