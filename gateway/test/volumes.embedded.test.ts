import { startTestGraph } from './support';
import { describeOutputVolumes } from './volumes.cases';

describeOutputVolumes('embedded mode: SQLite, in-process bus', startTestGraph);
