/**
 * meerjaren: exact scenario modelling of Dutch municipal multi-year budgets (meerjarenbegroting).
 *
 * Data flows one way, through the folders of src/: core -> model -> document -> validate -> scenario -> engine ->
 * evaluate -> analysis -> uncertainty -> report -> cli (docs/architecture.md). Parallel Monte Carlo on worker
 * threads is in the Node-only entry `meerjaren/parallel`; this entry runs in a browser too.
 * @packageDocumentation
 * @module meerjaren
 */

// core
export { Dec, ZERO, isDecimal, toDec, plainString, roundTo, ROUNDING_MODES } from './core/decimal.js';
export type { Decimal, RoundingMode } from './core/decimal.js';
export { MeerjarenError, ISSUE_CODES, formatPath, IssueCollector } from './core/errors.js';
export type { Issue, IssueCode, Path } from './core/errors.js';
export { readAmount, MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS, NUMBER_FORMATS } from './core/amount.js';
export type { NumberFormat, AmountReading } from './core/amount.js';
export { yearRole, MIN_YEAR, MAX_YEAR, MAX_HORIZON_YEARS } from './core/horizon.js';
export type { Horizon, ColumnGroup, YearRole } from './core/horizon.js';
export { VERSION } from './core/version.js';

// budget model
export { PM, isPm, unitFactor, UNITS, NATURES, SIGN_CONVENTIONS, LINE_ROWS } from './model/budget.js';
export type { Budget, Section, Line, Component, Cell, Pm, Nature, Unit, SignConvention, LineRow, YearValues, Tags, SourcePresentation } from './model/budget.js';

// documents
export { loadBudget } from './evaluate/load.js';
export type { LoadOptions } from './evaluate/load.js';
export { budget, BudgetBuilder, pm } from './evaluate/builder.js';
export type { BudgetOptions, LineOptions, ComponentOptions, ValuesInput } from './evaluate/builder.js';
export { toDocument, budgetToJson } from './validate/serialize.js';
export { BUDGET_FORMAT, BUDGET_FORMAT_VERSION } from './document/format.js';
export type {
  BudgetDocument, SectionDocument, LineDocument, ComponentDocument, HorizonDocument, ValuesDocument, ValueDocument, AmountDocument, AmountsDocument,
  RateDocument, CapacityDocument, ReserveDocument, CoverSourceDocument, CoverClaimDocument, CoverDocument, RealisationDocument, MeasureDocument,
  MeasureCostDocument, ReferencePathDocument, SavingsTargetDocument,
} from './document/format.js';
export { parseJsonStrict, jsonPositions, JsonNumberText, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_VALUES } from './document/json.js';
export type { JsonLimits, ValueLimits, TextPosition } from './document/json.js';

// evaluation
export { evaluate, checkExpectations } from './evaluate/evaluate.js';
export { lineTotalUnits } from './evaluate/line-units.js';
export type { LineTotalUnits } from './evaluate/line-units.js';
export type { Evaluation, Total, TotalsByYear, LineResult, SectionResult, ComponentResult, Check, CheckStatus } from './evaluate/evaluate.js';

// reports
export { budgetTable, TABLE_FIGURES } from './report/budget-table.js';
export type { BudgetTableOptions, TableFigures } from './report/budget-table.js';
export { TABLE_ROW_KINDS, PM_DIRECTIONS, CELL_CHECKS } from './report/table.js';
export type { Table, TableRow, TableCell, TableColumn, TableRowKind, PmDirection, CellCheck } from './report/table.js';
export { renderText } from './report/render-text.js';
export { renderMarkdown } from './report/render-markdown.js';
export { renderHtml } from './report/render-html.js';
export { formatAmount, formatCell } from './report/format.js';
export { parseLocaleAmount, NUMBER_LOCALES } from './document/locale-amount.js';
export type { ParseAmountOptions } from './document/locale-amount.js';
export { renderCsv } from './report/render.js';
export { resolvePresentation, UNIT_FACTORS, DEFAULT_PRESENTATION, REPORT_LABELS, displayStep, unitLine, AMOUNT_NOTATIONS, LABEL_LANGUAGES, ROUNDING_POLICIES } from './report/presentation.js';
export type { ReportWords, Presentation, ResolvedPresentation, AmountNotation, NumberLocale, LabelLanguage, RoundingPolicy } from './report/presentation.js';
export { allocateRounded, roundTable, roundToStep } from './report/allocate.js';
export type { RoundedTable, AllocateOptions } from './report/allocate.js';
export { htmlReport } from './report/html-report.js';
export type { HtmlReportOptions } from './report/html-report.js';
export type { Provenance } from './report/provenance.js';
export { toJsonValue, resultToJson } from './report/json.js';
export type { JsonValue } from './report/json.js';
export { writeCsv, tableToCsv } from './report/csv.js';
export { readCsv, readYearTable } from './document/csv.js';
export { readPrintedTable, printedTableFromRows } from './document/printed-table.js';
export { PRINTED_ROW_ROLES, PRINTED_COLUMN_ROLES } from './document/printed-table-types.js';
export type {
  PrintedTable, PrintedTableOptions, PrintedLayout, PrintedRowRule, PrintedColumnRule, PrintedRowRole, PrintedColumnRole, PrintedRowRef, PrintedCheck, PrintedCheckStatus,
} from './document/printed-table-types.js';
export type { CsvWriteOptions, TableCsvOptions } from './report/csv.js';
export type { CsvSeparator, CsvReadOptions, YearTable, YearTableRow, YearTableValue, YearTableOptions } from './document/csv.js';
export { htmlDocument, REPORT_CSS } from './report/html-document.js';
export type { HtmlPart, HtmlDocumentInput } from './report/html-document.js';
export { saldoLineChart } from './report/charts/saldo-line-chart.js';
export { waterfallChart } from './report/charts/waterfall-chart.js';
export { targetChart } from './report/charts/target-chart.js';
export { balanceChart } from './report/charts/balance-chart.js';
export { fanChart } from './report/charts/fan-chart.js';
export type { SaldoLineChartInput, SaldoSeries } from './report/charts/saldo-line-chart.js';
export type { WaterfallChartInput, WaterfallStep, WaterfallStart } from './report/charts/waterfall-chart.js';
export type { TargetChartInput } from './report/charts/target-chart.js';
export type { BalanceChartInput } from './report/charts/balance-chart.js';
export type { FanChartInput, FanBand } from './report/charts/fan-chart.js';
export type { ChartOptions } from './report/charts/options.js';
export type { ChartLocale, NumberFormatter, FormatInfo } from './report/charts/format.js';

// cover (dekking)
export { COVER_SOURCE_KINDS } from './model/cover.js';
export { readCover } from './document/read-cover.js';
export { withCover } from './validate/with-cover.js';
export { contextOf } from './document/field-reader.js';
export { evaluateCover } from './evaluate/cover.js';
export { coverToDocument } from './document/write-cover.js';
export type { Cover, CoverSource, CoverSourceKind, CoverClaim, ClaimExtent, Capacity, ReserveBalance, YearAmounts } from './model/cover.js';
export type { WithCoverOptions } from './validate/with-cover.js';
export type { ReadContext } from './document/field-reader.js';
export type {
  CoverEvaluation, ClaimResult, ClaimYear, RowCover, RowCoverYear, SourceResult, SourceYear, ReserveYear, CoverYear, CoverFinding, CoverFindingCode,
} from './evaluate/cover.js';

// savings targets (taakstellingen) and measures (maatregelen)
export { MEASURE_STATUSES, MEASURE_COST_KINDS } from './model/savings.js';
export { steppedPath } from './document/stepped-path.js';
export { readTargets } from './document/read-targets.js';
export { withTargets } from './validate/with-targets.js';
export { evaluateTargets, realisedIn } from './evaluate/targets.js';
export { netSavings, PAYBACK_STATUSES } from './evaluate/net-savings.js';
export type { NetSavings, TargetNet, MeasureNet, NetEffect, NetYear, PaybackStatus } from './evaluate/net-savings.js';
export { netSavingsTable } from './report/net-savings-table.js';
export type { NetSavingsTableOptions } from './report/net-savings-table.js';
export { targetsToDocument } from './document/write-targets.js';
export type { SavingsTarget, Measure, MeasureStatus, MeasureCost, MeasureCostKind, Realisation, ReferencePath, SavingsAmounts } from './model/savings.js';
export type { SteppedPathOptions } from './document/stepped-path.js';
export type { WithTargetsOptions } from './validate/with-targets.js';
export type { TargetsEvaluation, TargetsOptions, TargetResult, TargetYear, MeasureResult, MeasureShortfall, ReferenceYear } from './evaluate/targets.js';

// distribution keys and paths (verdeelsleutels)
export { distributeByKey, interpolatePath, cumulate } from './evaluate/distribution-keys.js';
export type { AmountInput, AmountPath, KeyOptions } from './evaluate/distribution-keys.js';

// weerstandsvermogen (risicoregister, benodigde en beschikbare weerstandscapaciteit)
export { weerstandsvermogen, weerstandsvermogenByYear, ratingOf, WEERSTANDS_RATINGS, RATING_LABELS } from './evaluate/weerstandsvermogen.js';
export type { WeerstandsRating, RiskContribution, CapacityFigure, WeerstandsvermogenResult, WeerstandsvermogenInput, WeerstandsvermogenOptions, WeerstandsvermogenByYear, WeerstandsvermogenYears } from './evaluate/weerstandsvermogen.js';
export { loadRiskRegister, RISKS_FORMAT } from './document/read-risks.js';
export { simulateRequiredCapacity } from './uncertainty/risk-simulation.js';
export type { RiskSimulationOptions, SimulatedCapacity } from './uncertainty/risk-simulation.js';
export { RISK_NATURES, CAPACITY_KINDS } from './model/risks.js';
export type { Risk, RiskRegister, RiskNature, RiskNumber, RiskAmount, RiskDistribution, RiskDocument, CapacityPart, CapacityKind } from './model/risks.js';
export { weerstandsvermogenTable, weerstandsvermogenYearTable, waarderingText } from './report/weerstandsvermogen-table.js';
export type { WeerstandsvermogenTableOptions } from './report/weerstandsvermogen-table.js';

// drivers (sturende grootheden): indicators, dated parameters, driven rows (volume x prijs)
export { PARAMETER_RULES, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_DEPTH, DRIVEN_PLACES } from './model/drivers.js';
export type { Indicator, Parameter, ParameterPeriod, ParameterRule, Formula, Drivers } from './model/drivers.js';
export type { Fraction } from './core/fraction.js';
export type { DriversDocument, IndicatorDocument, ParameterDocument, ParameterPeriodDocument, FormulaDocument } from './document/format-drivers.js';
export { driverSeries } from './evaluate/drivers.js';
export type { DriverSeries, DriverSeriesOptions, DriverValue } from './evaluate/drivers.js';
export { indicatorTable } from './report/indicator-table.js';
export type { IndicatorTableOptions, IndicatorTableSeries } from './report/indicator-table.js';

// structural balance (BBV) and reserve mutations
export { structuralBalance } from './evaluate/structural.js';
export { reserveMutations } from './evaluate/reserves.js';
export { reserveSummaryTable, structuralBalanceTable } from './report/balance-tables.js';
export type {
  StructuralBalance, StructuralBalanceOptions, BalanceYear, IncidentalItem, BalanceWarning, BalanceWarningCode, BalanceVerdict,
} from './evaluate/structural.js';
export type { ReserveMutationsYear } from './evaluate/reserves.js';
export type { ReserveSummaryOptions } from './report/balance-tables.js';

// scenarios (scenario's)
export { loadScenario, checkScenarioShape, DEFAULT_ROUNDING, explain } from './scenario/index.js';
export { applyScenario } from './evaluate/apply-scenario.js';
export type {
  Scenario, ScenarioLibrary, Change, ChangeKind, SetAmountChange, EstimatePmChange, EstimateRange, DropLineChange, SetNatureChange, AddLineChange, NewComponent,
  MoveAmountChange, IndexChange, LineSelector, ValueSpec, ScenarioAmount, Percentage, YearSelection, ScenarioRounding, LoadScenarioOptions,
  ApplyOptions, ScenarioResult, TouchedCell, ChangeConflict, EstimateRangeResult, Explanation, ExplanationStep, ExplainAt, Figure,
  AddClaimChange, SetClaimChange, DropClaimChange, SetCapacityChange, SetReserveOpeningChange, SetTargetPathChange, SetRealisationChange,
  CoverOrTargetChange, NewClaim, ClaimExtentSpec, CapacitySpec, RealisationSpec, Rate, TouchedItem, ItemKind, IndexLink, ScenarioShapeLimits,
  SetIndicatorChange, SetParameterChange, ParameterPeriodSpec,
} from './scenario/index.js';

// analysis of scenarios: comparison, attribution, side-by-side tables
export { compareScenarios } from './analysis/compare.js';
export { attributeDifference, allocateExactly } from './analysis/attribution.js';
export { scenarioTable } from './report/scenario-table.js';
export type {
  Comparable, ScenarioComparison, RowDifference, YearDifference, AmountDifference, CoverDifference, SourceDifference, SourceYearDifference, TargetDifference, TargetYearDifference,
} from './analysis/compare.js';
export type { Attribution, AttributionShare, AttributionGroup, AttributionOptions } from './analysis/attribution.js';
export type { ScenarioTableOptions, ScenarioMeasure } from './report/scenario-table.js';
// versions of a budget (standen) and their comparison over the union of horizons
export { compareVersions } from './analysis/compare-versions.js';
export type { CompareVersionsOptions, VersionComparison, VersionDelta, VersionFigure, VersionMatch, VersionRow, VersionSide, VersionYear } from './analysis/compare-versions.js';
export { VERSION_KINDS } from './model/versions.js';
export type { BudgetVersion, VersionKind, IdMap, VersionMutations, VersionInput } from './model/versions.js';
export { SIDES, SIDE_TAG } from './model/lasten-baten.js';
export type { Side } from './model/lasten-baten.js';
// Iv3 (taakvelden, economische categorieën): lists as data, the check of the tags, roll-ups and the Iv3 layout
export { IV3_LIST_KINDS, IV3_CATEGORIEEN, TAAKVELD_TAG, CATEGORIE_TAG, PROGRAMME_TAG } from './model/iv3.js';
export type { Iv3List, Iv3ListKind, Iv3Entry, Iv3Group } from './model/iv3.js';
export { IV3_TAAKVELDEN } from './model/iv3-taakvelden.js';
export { readTaakveldList, readCategorieList } from './document/iv3-lists.js';
export type { Iv3ListOptions } from './document/iv3-lists.js';
export { checkIv3Tags } from './validate/iv3-tags.js';
export type { Iv3Finding, Iv3FindingCode, Iv3Options } from './validate/iv3-tags.js';
export { iv3Rollup } from './evaluate/iv3.js';
export type { Iv3Rollup, Iv3GroupTotal, Iv3MatrixCell, Iv3Figure, Iv3FiguresByYear, Iv3SideTotal } from './evaluate/iv3.js';
export { iv3Table } from './report/iv3-table.js';
export type { Iv3TableOptions } from './report/iv3-table.js';
// Frictionless data packages (datapakket): a budget as datapackage.json and CSV, and back
export { DATA_PACKAGE_FORMAT, DATA_PACKAGE_RESOURCE } from './document/data-package.js';
export type { DataPackage, DataPackageDescriptor, DataPackageResource, DataPackageFrame, TableSchema, TableSchemaField } from './document/data-package.js';
export { toDataPackage } from './validate/data-package.js';
export type { DataPackageOptions } from './validate/data-package.js';
export { readDataPackage } from './evaluate/data-package.js';
export { versionSeries } from './analysis/version-series.js';
export type { VersionSeries, VersionSeriesOptions, VersionStep, MutationFinding, MutationReplay } from './analysis/version-series.js';
// goal seeking (doelzoeken): one input solved so that an outcome holds
export { goalSeek, goalSeekPerYear } from './analysis/goal-seek.js';
export { GOAL_INPUT_KINDS } from './analysis/goal-inputs.js';
export { GOAL_OUTCOME_KINDS } from './analysis/goal-outcomes.js';
export type {
  GoalNumber,
  MeasureRateInput,
  LineAmountInput,
  CapacityPartInput,
  IndicatorInput,
  ParameterInput,
  GoalInput,
  GoalInputKind,
  SaldoOutcome,
  StructuralSaldoOutcome,
  TargetGapOutcome,
  WeerstandsratioOutcome,
  GoalOutcome,
  GoalOutcomeKind,
  GoalSeekSpec,
  GoalOutcomeYear,
  GoalEvaluation,
  GoalTrailStep,
  GoalSeekSearch,
  GoalSeekFound,
  GoalSeekNotAttainable,
  GoalSeekResult,
  GoalSeekPerYear,
} from './analysis/goal-seek-types.js';
export { goalSeekTable, renderGoalSeekTable } from './report/goal-seek-table.js';
export type { GoalSeekTableOptions, GoalSeekTable, RenderGoalSeekOptions } from './report/goal-seek-table.js';
export { loadVersion } from './evaluate/load-version.js';
export type { LoadVersionOptions } from './evaluate/load-version.js';
export { VERSION_FORMAT } from './document/read-version.js';
export { versionTable } from './report/version-table.js';
// a begrotingswijziging as a document: per programme lasten and baten, reserves, neutrality, dekking
export { begrotingswijziging } from './analysis/begrotingswijziging.js';
export type {
  Begrotingswijziging, BegrotingswijzigingOptions, DekkingNote, NeutralityCheck, ReserveWijzigingYear, RowSide, SideFigures, WijzigingLine, WijzigingProgramme, WijzigingYear, WijzigingYears,
} from './analysis/begrotingswijziging.js';
export { begrotingswijzigingTable } from './report/begrotingswijziging-table.js';
export type { BegrotingswijzigingTableOptions } from './report/begrotingswijziging-table.js';
export { renderBegrotingswijziging, WIJZIGING_FORMATS } from './report/begrotingswijziging-document.js';
export type { RenderBegrotingswijzigingOptions, WijzigingFormat } from './report/begrotingswijziging-document.js';
export type { VersionTableOptions } from './report/version-table.js';
// rebasing a scenario from one version onto the next (scenario overzetten)
export { rebaseScenario, REBASE_POLICIES } from './analysis/rebase.js';
export type { RebaseCell, RebaseItem, RebaseOptions, RebasePolicy, RebaseReference, RebaseSide, RebaseStatus, RebasedChange, ScenarioRebase } from './analysis/rebase.js';
export { rebaseTable } from './report/rebase-table.js';
// a figure explained through a series of versions (toelichting door de standen)
export { explainVersions } from './analysis/explain-versions.js';
export type { ExplainVersionsAt, VersionExplanation, VersionExplanationFigure, VersionExplanationStep } from './analysis/explain-versions.js';
export type { RebaseTableOptions } from './report/rebase-table.js';
// the whole municipality (de hele gemeente): programmes, OAD, overhead, vpb, onvoorzien, reserve mutations
export { OAD_KINDS, OAD_KIND_TAG, RESERVE_MUTATION_TAG, RESERVE_MUTATION_KINDS, MUNICIPAL_PARTS } from './model/municipality.js';
export type { Municipality, MunicipalProgramme, MunicipalPart, OadKind, OadLink } from './model/municipality.js';
export { MUNICIPALITY_FORMAT } from './document/read-municipality.js';
export type { MunicipalityDocument, MunicipalProgrammeDocument, OadLinkDocument } from './document/read-municipality.js';
export { loadMunicipality } from './evaluate/load-municipality.js';
export { evaluateMunicipality } from './evaluate/municipality.js';
export type {
  MunicipalityEvaluation, MunicipalityOptions, MunicipalityYear, MunicipalSource, PartFigure, MunicipalIncidentalItem, MunicipalWarning, OadFinding, OadFindingCode, OadClaim, OadClaimYear, ProgrammeView,
} from './evaluate/municipality.js';
export { applyMunicipalScenario } from './evaluate/municipal-scenario.js';
export type { MunicipalScenarioOptions, MunicipalScenarioResult, MunicipalEffectYear } from './evaluate/municipal-scenario.js';
export { municipalityTable, municipalBalanceTable, municipalScenarioTable } from './report/municipality-table.js';
export type { MunicipalityTableOptions } from './report/municipality-table.js';
export { yearTableToDocument } from './document/year-table.js';
export type { YearTableDocumentOptions } from './document/year-table.js';

// the P&C cycle: actuals (realisatie), forecast (prognose), the course of a budget and their tables
export type { Actuals, LineActuals } from './model/actuals.js';
export { loadActuals, ACTUALS_FORMAT } from './document/read-actuals.js';
export type { LoadActualsOptions } from './document/read-actuals.js';
export { compareActuals, DEVIATION_KINDS } from './analysis/actuals-comparison.js';
export type { ActualsComparison, ActualsRow, ActualsSection, ActualsYear, DeviationKind, NoDeviationReason } from './analysis/actuals-comparison.js';
export { forecast } from './analysis/forecast.js';
export type { Forecast, ForecastOptions, ForecastRow, ForecastSection, ForecastSource, ForecastYear } from './analysis/forecast.js';
export { budgetCourse } from './analysis/budget-course.js';
export type { BudgetCourse, CourseLine, CourseSection, CourseVersion, CourseYear } from './analysis/budget-course.js';
export { courseTable } from './report/course-table.js';
export type { CourseTableOptions } from './report/course-table.js';
export { accountsTable } from './report/accounts-table.js';
export type { AccountsTableOptions } from './report/accounts-table.js';

// the compiled exact engine (rekenkern)
export { compileBudget, createEngine, Engine } from './engine/index.js';
export type { Arithmetic, CompileOptions, CompiledBudget, Scope, Units, EngineRate } from './engine/index.js';

// uncertainty (onzekerheid): distributions, Monte Carlo, tornado
export {
  createRandom, randomForDraw, compileDistribution, validateDistribution, DISTRIBUTION_KINDS, percentile, summarise, probability,
  monteCarlo, compareMonteCarlo, tornado, distributionPoints,
} from './uncertainty/index.js';
export { inputsFromRanges } from './uncertainty/from-ranges.js';
export type { InputsFromRangesOptions } from './uncertainty/from-ranges.js';
export type {
  Random, Seed, DistributionSpec, DistributionKind, DistributionUnit, FixedDistribution, UniformDistribution, TriangularDistribution,
  PertDistribution, NormalDistribution, LognormalDistribution, MixtureDistribution, MixtureComponent, ComponentDistribution, DiscreteDistribution, DiscreteChoice, NumberInput, Sampler, Summary,
  UncertainInput, UncertainKind, TargetSpec, MonteCarloOptions, RankCorrelation, MonteCarloResult, OutcomeSummary, OutcomesByYear,
  ProbabilityByYear, TargetOutcome, TornadoOptions, TornadoTable, TornadoRow, TornadoMeasure, DistributionPoints, SavingsOutcome, CoverOutcome,
  MonteCarloVariant, MonteCarloDifference, VariantComparison, MonteCarloComparison, CoverProgram, DriverProgram, MonteCarloPlan, ValidateOptions,
  DistributionCompileOptions,
} from './uncertainty/index.js';
