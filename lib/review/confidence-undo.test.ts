import { useTestEnv } from '../testing/use-test-env.ts';
import { describeConfidenceUndo } from './confidence-undo-cases.ts';

useTestEnv();
describeConfidenceUndo();
