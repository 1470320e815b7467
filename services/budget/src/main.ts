import { runDistributedService } from '@kesos/infra';
import { budgetService } from './index';

void runDistributedService(budgetService);
