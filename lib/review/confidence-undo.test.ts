import { useTestEnv } from '../testing/use-test-env.ts';
import { describeConfidenceUndo } from '../testing/confidence-undo-cases.ts';

useTestEnv();
describeConfidenceUndo();
