import { budgetContracts } from './budget.contracts';
import { trainingContracts } from './training.contracts';

/** Every event contract of the graph; docs/events.md is checked against this list. */
export const allContracts = [...trainingContracts, ...budgetContracts];
