import { budgetService } from '@kesos/budget';
import { performanceService } from '@kesos/performance';
import { trainingService } from '@kesos/training';
import type { ServiceDefinition } from '@kesos/infra';

/** Every subgraph of the graph, in start order. */
export const SERVICES: ServiceDefinition[] = [trainingService, budgetService, performanceService];
