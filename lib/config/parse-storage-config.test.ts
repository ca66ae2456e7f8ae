import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStorageConfig } from './env.ts';

describe('parseStorageConfig (ALINEA_STORAGE_URL and the AWS variables)', () => {
  it('keeps files under <data dir>/files when unset or empty', () => {
    expect(parseStorageConfig({}, '/data')).toEqual({ kind: 'local', root: path.join('/data', 'files') });
    expect(parseStorageConfig({ ALINEA_STORAGE_URL: '  ' }, '/data')).toEqual({ kind: 'local', root: path.join('/data', 'files') });
  });

  it('reads bucket and prefix, with the endpoint and region from AWS_* (path-style for another endpoint)', () => {
    expect(parseStorageConfig({ ALINEA_STORAGE_URL: 's3://my-bucket' }, '/d')).toEqual({
      kind: 's3', bucket: 'my-bucket', prefix: '', endpoint: undefined, region: 'us-east-1', forcePathStyle: false,
    });
    expect(
      parseStorageConfig({ ALINEA_STORAGE_URL: 's3://corpus.example/alinea/prod/', AWS_ENDPOINT_URL: 'http://127.0.0.1:9000', AWS_REGION: 'eu-west-3' }, '/d'),
    ).toEqual({ kind: 's3', bucket: 'corpus.example', prefix: 'alinea/prod', endpoint: 'http://127.0.0.1:9000', region: 'eu-west-3', forcePathStyle: true });
    // the S3-specific endpoint wins over the general one; AWS_DEFAULT_REGION is the fallback region
    expect(
      parseStorageConfig(
        { ALINEA_STORAGE_URL: 's3://b-1/p', AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_S3: 'https://s3.b:2', AWS_DEFAULT_REGION: 'ap-south-1' },
        '/d',
      ),
    ).toMatchObject({ endpoint: 'https://s3.b:2', region: 'ap-south-1' });
  });

  it('refuses a bad URL, naming the variable and saying what to write', () => {
    for (const bad of ['http://bucket/x', 'bucket/prefix', 's3://', 's3://Upper_Case', 's3://ab', 's3://b-1/a//b', 's3://b-1/a/../b']) {
      expect(() => parseStorageConfig({ ALINEA_STORAGE_URL: bad }, '/d')).toThrow(/ALINEA_STORAGE_URL.*\n?.*s3:\/\/BUCKET/s);
    }
    expect(() => parseStorageConfig({ ALINEA_STORAGE_URL: 's3://b-1', AWS_ENDPOINT_URL: 'localhost:9000' }, '/d')).toThrow(/AWS_ENDPOINT_URL .*http/);
  });
});
