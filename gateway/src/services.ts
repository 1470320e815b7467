import { budgetService } from '@kesos/budget';
import { performanceService } from '@kesos/performance';
import { trainingService } from '@kesos/training';
import type { ServiceDefinition } from '@kesos/infra';

/** Every subgraph of the graph, in start order. */
export const SERVICES: ServiceDefinition[] = [trainingService, budgetService, performanceService];

/** Root fields that answer without a token, across all subgraphs. */
export const PUBLIC_ROOT_FIELDS: string[] = SERVICES.flatMap((s) => s.publicRootFields ?? []);
