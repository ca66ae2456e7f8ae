import { describe, expect, it } from 'vitest';
import { dumpPythonJson } from './dump-python-json.ts';

describe('dumpPythonJson', () => {
  it('matches Python json.dumps(indent=1, sort_keys=True) byte for byte', () => {
    // Expected output produced by python3 (3.11) json.dumps(obj, indent=1, sort_keys=True).
    const obj = {
      fragments: [{ lines: ['Año “x” \u007f\u0001 \t\n\\ / 😀 é', ''], b: [], c: {}, id: 'x', n: null, z: [1, [2, []], { a: 'q' }] }],
      e: {},
    };
    expect(dumpPythonJson(obj, 1)).toBe(
      [
        '{',
        ' "e": {},',
        ' "fragments": [',
        '  {',
        '   "b": [],',
        '   "c": {},',
        '   "id": "x",',
        '   "lines": [',
        '    "A\\u00f1o \\u201cx\\u201d \\u007f\\u0001 \\t\\n\\\\ / \\ud83d\\ude00 \\u00e9",',
        '    ""',
        '   ],',
        '   "n": null,',
        '   "z": [',
        '    1,',
        '    [',
        '     2,',
        '     []',
        '    ],',
        '    {',
        '     "a": "q"',
        '    }',
        '   ]',
        '  }',
        ' ]',
        '}',
      ].join('\n'),
    );
  });

  it('other indents and scalars', () => {
    expect(dumpPythonJson({ b: true, a: false }, 2)).toBe('{\n  "a": false,\n  "b": true\n}');
    expect(dumpPythonJson('ñ')).toBe('"\\u00f1"');
    expect(dumpPythonJson([])).toBe('[]');
  });
});
