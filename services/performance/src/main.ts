import { runDistributedService } from '@kesos/infra';
import { performanceService } from './index';

void runDistributedService(performanceService);
