// Reads the raw MIME that SES's receipt rule (or the local SMTP intake) stored in S3.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RawMailStore } from '../../use-cases/ports.ts';

export class S3RawMailStore implements RawMailStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async read(key: string): Promise<Buffer> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!result.Body) throw new Error(`Raw mail s3://${this.bucket}/${key} has no body`);
    return Buffer.from(await result.Body.transformToByteArray());
  }
}
