// The cases of confidence-undo.test.ts on PostgreSQL (its LIKE is case-sensitive, its strings escape differently).
import { useTestEnv } from '../testing/use-test-env.ts';
import { describeConfidenceUndo } from '../testing/confidence-undo-cases.ts';

useTestEnv();
describeConfidenceUndo();
