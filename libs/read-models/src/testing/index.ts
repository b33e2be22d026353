export {
  generateCaseHistories,
  type GeneratedCase,
  type GeneratorItem,
  type GeneratorOptions,
} from './case-history-generator.js';
export { demoGeneratorItems } from './demo-items.js';
export { openTempReadModels, type TempReadModels } from './temp-read-models.js';
export { tableDump } from './table-dump.js';
export { caseWorldPerTest, openCaseWorld, type CaseWorld } from './case-world.js';
export * from './demo-actors.js';
export { Random } from './random.js';
export { seedGeneratedCases } from './seed.js';
export * from './world-steps.js';
export { openProjectedReadModels, type ProjectedReadModels } from './projected-read-models.js';
