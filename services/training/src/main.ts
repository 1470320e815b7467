import { runDistributedService } from '@kesos/infra';
import { trainingService } from './index';

void runDistributedService(trainingService);
