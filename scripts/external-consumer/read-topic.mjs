#!/usr/bin/env node
// Reads one Bilateral topic from outside the JVM, the way any Confluent-compatible client would:
// KafkaJS (pure JS) with read_committed isolation, values decoded from the Confluent wire format
// (magic byte 0, 4-byte schema id, Avro binary) through the registry's Confluent REST API.
//
//   node read-topic.mjs --brokers 127.0.0.1:9092 --registry http://127.0.0.1:8081/apis/ccompat/v7 \
//        --topic relations.pairs [--expect-key IRN-UZB] [--timeout-ms 30000]
//
// Prints one JSON object a line on stdout:
//   {"topic","partition","offset","timestamp","key","schemaId","value"}
// Logs go to stderr. Exit codes: 0 read to the end (and, with --expect-key, saw that key);
// 2 timed out; 3 a value could not be decoded; 64 bad arguments; 1 anything else.

import { parseArgs } from 'node:util';
import kafkajs from 'kafkajs';
import registryPkg from '@kafkajs/confluent-schema-registry';
import avro from 'avsc';

const { Kafka, logLevel } = kafkajs;
const { SchemaRegistry, SchemaType } = registryPkg;

const EXIT_TIMEOUT = 2;
const EXIT_DECODE = 3;
const EXIT_USAGE = 64;

function fail(code, message) {
  process.stderr.write(`read-topic: ${message}\n`);
  process.exit(code);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      brokers: { type: 'string', default: '127.0.0.1:9092' },
      registry: { type: 'string', default: 'http://127.0.0.1:8081/apis/ccompat/v7' },
      topic: { type: 'string' },
      'expect-key': { type: 'string' },
      'timeout-ms': { type: 'string', default: '30000' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (e) {
  fail(EXIT_USAGE, e.message);
}
if (args.help) {
  process.stdout.write(
    'usage: read-topic.mjs --topic T [--brokers host:port,...] [--registry URL] [--expect-key K] [--timeout-ms N]\n');
  process.exit(0);
}
if (!args.topic) fail(EXIT_USAGE, '--topic is required');
const timeoutMs = Number(args['timeout-ms']);
if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) fail(EXIT_USAGE, `bad --timeout-ms ${args['timeout-ms']}`);
const topic = args.topic;
const expectKey = args['expect-key'];
const brokers = args.brokers.split(',').map((b) => b.trim()).filter(Boolean);

// KafkaJS logs through console.info (stdout) by default: keep stdout for records only.
const stderrLogCreator = () => ({ namespace, level, label, log }) => {
  const { message, ...extra } = log;
  process.stderr.write(`[kafkajs ${label}] ${namespace}: ${message} ${JSON.stringify(extra)}\n`);
};

const kafka = new Kafka({
  clientId: 'bilateral-external-consumer',
  brokers,
  logLevel: logLevel.WARN,
  logCreator: stderrLogCreator,
  retry: { retries: 5 },
});
// Avro logical types, printed the way the project's own `bilateral tail --json` prints them:
// date -> "YYYY-MM-DD", timestamp-millis -> ISO-8601 instant. (avsc leaves them as plain numbers otherwise.)
const MS_PER_DAY = 86_400_000;
class DateType extends avro.types.LogicalType {
  _fromValue(days) { return new Date(days * MS_PER_DAY).toISOString().slice(0, 10); }
  _toValue(v) { return typeof v === 'string' ? Math.round(Date.parse(`${v}T00:00:00Z`) / MS_PER_DAY) : v; }
  _resolve(type) { if (avro.Type.isType(type, 'int', 'logical:date')) return this._fromValue.bind(this); }
}
class TimestampMillisType extends avro.types.LogicalType {
  _fromValue(ms) { return new Date(ms).toISOString(); }
  _toValue(v) { return typeof v === 'string' ? Date.parse(v) : v; }
  _resolve(type) { if (avro.Type.isType(type, 'long', 'logical:timestamp-millis')) return this._fromValue.bind(this); }
}
const registry = new SchemaRegistry({ host: args.registry }, {
  [SchemaType.AVRO]: { logicalTypes: { date: DateType, 'timestamp-millis': TimestampMillisType } },
});
const admin = kafka.admin();
// A throw-away group: nothing is committed, every run reads from the beginning.
const consumer = kafka.consumer({
  groupId: `bilateral-external-consumer-${process.pid}-${Date.now()}`,
  readUncommitted: false, // read_committed: never show records of aborted or open transactions
  allowAutoTopicCreation: false,
});

// JSON for what Avro decoding can give back: bytes as base64, longs beyond 2^53 as strings.
const jsonReplacer = (_k, v) => {
  if (typeof v === 'bigint') return v.toString();
  if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.from(v.data).toString('base64');
  return v;
};

let finished = false;
let exitCode = 0;
let recordsRead = 0;
let keySeen = false;
const positions = new Map(); // partition -> next offset to read (BigInt)
let endOffsets = new Map(); // partition -> read_committed end (last stable offset, BigInt)

async function shutdown(code, message) {
  if (finished) return;
  finished = true;
  exitCode = code;
  if (message) process.stderr.write(`read-topic: ${message}\n`);
  await Promise.race([
    Promise.allSettled([consumer.disconnect(), admin.disconnect()]),
    new Promise((r) => setTimeout(r, 5000)),
  ]);
  process.exit(exitCode);
}

async function refreshEndOffsets() {
  // ListOffsets(latest) with isolation read_committed answers the last stable offset.
  const offsets = await admin.fetchTopicOffsets(topic);
  const next = new Map();
  for (const { partition, high, low } of offsets) {
    next.set(partition, { high: BigInt(high), low: BigInt(low) });
  }
  endOffsets = next;
}

function caughtUp() {
  if (endOffsets.size === 0) return false;
  for (const [partition, { high, low }] of endOffsets) {
    if (high <= low) continue; // empty partition
    const pos = positions.get(partition);
    if (pos === undefined || pos < high) return false;
  }
  return true;
}

function describeProgress() {
  const parts = [];
  for (const [partition, { high }] of endOffsets) {
    parts.push(`p${partition} at ${positions.get(partition) ?? 'start'} of ${high}`);
  }
  return parts.join(', ') || 'no partition metadata';
}

async function checkDone() {
  if (finished) return;
  if (expectKey !== undefined && !keySeen) return;
  if (caughtUp()) {
    await refreshEndOffsets(); // new records may have arrived meanwhile: read those too
    if (!finished && caughtUp()) {
      await shutdown(0, `read ${recordsRead} record(s) of ${topic} to the end (${describeProgress()})`);
    }
  }
}

async function main() {
  const deadline = setTimeout(() => {
    const what = expectKey !== undefined && !keySeen ? `key ${expectKey} not seen` : 'end not reached';
    shutdown(EXIT_TIMEOUT,
      `timed out after ${timeoutMs} ms on ${topic}: ${what}; ${recordsRead} record(s) read; ${describeProgress()}`);
  }, timeoutMs);
  deadline.unref();

  await admin.connect();
  const topics = await admin.listTopics();
  if (!topics.includes(topic)) {
    // Not an error of the reader: the topic may not be provisioned yet. Wait (until the deadline).
    process.stderr.write(`read-topic: topic ${topic} does not exist (yet); waiting\n`);
    while (!finished) {
      await new Promise((r) => setTimeout(r, 500));
      if ((await admin.listTopics()).includes(topic)) break;
    }
  }
  await refreshEndOffsets();

  await consumer.connect();
  // Positions come from the batch events, not from eachBatch: KafkaJS does not call eachBatch for a
  // fetch that held only transaction markers (or only aborted records), but still reports it here, and
  // lastOffset counts those markers and compacted-away offsets, unlike the messages handed out.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    if (payload.topic !== topic) return;
    const last = payload.lastOffset;
    if (last === null || last === undefined) return;
    const next = BigInt(last) + 1n;
    const prev = positions.get(payload.partition);
    if (prev === undefined || next > prev) positions.set(payload.partition, next);
    checkDone().catch((e) => { if (!finished) process.stderr.write(`read-topic: ${e.message}\n`); });
  });
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: true,
    eachBatch: async ({ batch, heartbeat }) => {
      for (const message of batch.messages) {
        if (finished) return;
        const key = message.key === null ? null : message.key.toString('utf8');
        let schemaId = null;
        let value = null;
        if (message.value !== null) {
          const buf = message.value;
          if (buf.length < 5 || buf[0] !== 0) {
            await shutdown(EXIT_DECODE,
              `${topic} partition ${batch.partition} offset ${message.offset} key ${key}: ` +
              `value is not in the Confluent wire format (first byte ${buf.length ? buf[0] : 'none'}, ${buf.length} bytes)`);
            return;
          }
          schemaId = buf.readUInt32BE(1);
          try {
            value = await registry.decode(buf);
          } catch (e) {
            await shutdown(EXIT_DECODE,
              `${topic} partition ${batch.partition} offset ${message.offset} key ${key}: ` +
              `cannot decode with schema id ${schemaId} from ${args.registry}: ${e.name}: ${e.message}`);
            return;
          }
        }
        const line = {
          topic,
          partition: batch.partition,
          offset: Number(message.offset),
          timestamp: Number(message.timestamp),
          key,
          schemaId,
          value,
        };
        process.stdout.write(JSON.stringify(line, jsonReplacer) + '\n');
        recordsRead++;
        if (expectKey !== undefined && key === expectKey) keySeen = true;
      }
      await heartbeat();
    },
  });

  // Empty topic (or already caught up before any batch arrived): nothing would call checkDone.
  const poll = setInterval(async () => {
    if (finished) return clearInterval(poll);
    try {
      if (caughtUp() || expectKey === undefined || keySeen) {
        if (!caughtUp()) await refreshEndOffsets();
        await checkDone();
      }
    } catch (e) {
      if (!finished) process.stderr.write(`read-topic: ${e.message}\n`);
    }
  }, 1000);
}

// `read-topic.mjs ... | head` closes stdout early: stop quietly instead of dying on EPIPE.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') shutdown(0);
  else shutdown(1, `stdout: ${e.message}`);
});
process.on('unhandledRejection', (e) => shutdown(1, `unexpected error: ${e && e.stack ? e.stack : e}`));
process.on('SIGINT', () => shutdown(130, 'interrupted'));
process.on('SIGTERM', () => shutdown(143, 'terminated'));

main().catch((e) => shutdown(1, `${e.name || 'Error'}: ${e.message}`));
