#!/usr/bin/env node
// Streams one chat turn from a running Parley and prints its timeline and metrics.
//
//   node tools/test_streaming.js "Hello, how are you?" en_US [conversation_id]
//
// Environment: PARLEY_URL (default ws://127.0.0.1:8085), PARLEY_VOICE (optional: one voice id),
// PARLEY_TOKEN (the server's access token, sent as "Authorization: Bearer", when it has one),
// PARLEY_SAVE_AUDIO (optional folder: each audio chunk is written there as chunk-N.wav).
// Exits 0 on "complete", 1 on an "error" message or a connection failure, 2 on bad usage.
'use strict';

const fs = require('fs');
const path = require('path');
let WebSocket;
try {
  WebSocket = require('ws');
} catch (e) {
  console.error('The "ws" package is missing: run `npm install --prefix tools` first.');
  process.exit(2);
}

const [message, language = 'en_US', conversationId] = process.argv.slice(2);
if (!message) {
  console.error('usage: node tools/test_streaming.js "message" [language] [conversation_id]');
  process.exit(2);
}

const base = (process.env.PARLEY_URL || 'ws://127.0.0.1:8085').replace(/\/+$/, '');
const params = new URLSearchParams({ message, language });
if (conversationId) params.set('conversation_id', conversationId);
if (process.env.PARLEY_VOICE) params.set('voice', process.env.PARLEY_VOICE);
const url = `${base}/ws/chat/stream?${params}`;
const saveDir = process.env.PARLEY_SAVE_AUDIO;
if (saveDir) fs.mkdirSync(saveDir, { recursive: true });

const start = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
const stamp = () => `[${elapsed().toFixed(0).padStart(6)} ms]`;

let firstToken = null;
let lastToken = null;
let firstAudio = null;
let tokens = 0;
let audioSeconds = 0;
let failed = false;
let finished = false;

console.log(`${stamp()} connecting to ${url}`);
const headers = process.env.PARLEY_TOKEN ? { Authorization: `Bearer ${process.env.PARLEY_TOKEN}` } : {};
const ws = new WebSocket(url, { headers });

ws.on('open', () => console.log(`${stamp()} connected`));

ws.on('message', (data) => {
  let msg;
  try {
    msg = JSON.parse(data.toString());
  } catch (e) {
    console.log(`${stamp()} not JSON: ${data}`);
    return;
  }
  switch (msg.type) {
    case 'status':
      if (msg.status === 'streaming') {
        console.log(`${stamp()} streaming (conversation ${msg.conversation_id}, voice ${msg.voice || 'none'})`);
      } else if (msg.status === 'complete') {
        finished = true;
        console.log(`\n${stamp()} complete: ${msg.text.length} characters`);
        if (msg.metrics) console.log(`${' '.repeat(12)}server metrics: ${JSON.stringify(msg.metrics)}`);
      } else {
        finished = true;
        console.log(`\n${stamp()} ${msg.status}: ${JSON.stringify(msg.text || msg.message || '')}`);
      }
      break;
    case 'token':
      tokens += 1;
      lastToken = elapsed();
      if (firstToken === null) {
        firstToken = lastToken;
        console.log(`${stamp()} first token`);
      }
      process.stdout.write(msg.token);
      break;
    case 'audio_chunk': {
      const wav = Buffer.from(msg.audio, 'base64');
      const seconds = (wav.length - 44) / 2 / msg.sample_rate;
      audioSeconds += seconds;
      if (firstAudio === null) firstAudio = elapsed();
      console.log(`\n${stamp()} audio #${msg.index}: ${seconds.toFixed(2)} s at ${msg.sample_rate} Hz — "${msg.text}"`);
      if (saveDir) fs.writeFileSync(path.join(saveDir, `chunk-${msg.index}.wav`), wav);
      break;
    }
    case 'error':
      // "fatal": false is a warning (the reply could not be saved); the turn goes on to its end.
      if (msg.fatal !== false) failed = true;
      console.log(`\n${stamp()} ${msg.fatal === false ? 'warning' : 'error'} ${msg.code}: ${msg.error}`);
      break;
    default:
      console.log(`${stamp()} unknown message: ${JSON.stringify(msg)}`);
  }
});

ws.on('error', (err) => {
  failed = true;
  console.error(`${stamp()} connection failed: ${err.message} (is Parley running? see README, Troubleshooting)`);
});

ws.on('close', (code) => {
  const total = elapsed();
  console.log(`${stamp()} closed (${code})`);
  const ms = (v) => (v === null ? 'n/a' : `${v.toFixed(0)} ms`);
  const rate = firstToken !== null && lastToken > firstToken ? ((tokens - 1) / ((lastToken - firstToken) / 1000)).toFixed(1) : 'n/a';
  console.log('\nMetrics');
  console.log(`  time to first token   ${ms(firstToken)}`);
  console.log(`  token rate            ${rate} tokens/s (${tokens} tokens)`);
  console.log(`  time to first audio   ${ms(firstAudio)}`);
  console.log(`  audio received        ${audioSeconds.toFixed(2)} s`);
  console.log(`  total                 ${ms(total)}`);
  process.exit(failed || !finished ? 1 : 0);
});
