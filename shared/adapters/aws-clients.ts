// One SDK client per service, created once per process (Lambda reuses it across invocations).
// Endpoints come from the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, so the same code
// talks to AWS in the cloud and to DynamoDB Local / fauxqs / the SES emulator on a laptop.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let dynamo: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;
let ses: SESv2Client | undefined;
let s3: S3Client | undefined;

export function dynamoDocumentClient(): DynamoDBDocumentClient {
  dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return dynamo;
}

export function sqsClient(): SQSClient {
  // Send to the configured endpoint, not the host inside a queue URL: emulators print
  // queue URLs whose host does not resolve, and in AWS both are the same.
  sqs ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return sqs;
}

export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({});
  return ses;
}

export function s3Client(): S3Client {
  // Path-style addressing works against both S3 and local emulators without DNS tricks.
  s3 ??= new S3Client({ forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined });
  return s3;
}
