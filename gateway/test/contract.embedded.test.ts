import { describeContract } from './contract.cases';
import { startTestGraph } from './support';

describeContract('embedded mode: SQLite, in-process bus', startTestGraph);
