import { createPublicKey } from 'node:crypto';
import { signCheckpoint, verifyCheckpoint, type Checkpoint } from './checkpoint';
import { checkpointToJson, parseCheckpointJson } from './checkpoint-json';
import {
  checkpointKeyId,
  checkpointKeyRing,
  exportPublicKey,
  exportPublicKeyPem,
  generateCheckpointSigningKey,
  importPublicKey,
  rawPublicKey,
} from './checkpoint-keys';
import { checkpointToNote, parseCheckpointNote } from './checkpoint-note';
import { createHash } from 'node:crypto';

const operator = generateCheckpointSigningKey();
const trusted = checkpointKeyRing([operator.publicKey]);
const body = {
  origin: 'voting-ledger/turnout',
  treeSize: 1000,
  rootHash: 'fd7xQbBCCjp7GwZZYMdl/PJqxuqwxTX5qDwxQF97Dfw=',
};

function expectRejected(result: { ok: boolean }): void {
  expect(result.ok).toBe(false);
}

describe('signed checkpoints', () => {
  it('given a body, when signed by the operator, then it verifies under the operator key', () => {
    const checkpoint = signCheckpoint(body, operator.privateKey);
    expect(checkpoint).toMatchObject({ ...body, keyId: operator.keyId });
    expect(verifyCheckpoint(checkpoint, trusted)).toEqual({ ok: true });
  });

  it('given a signed checkpoint, when any signed field changes, then it no longer verifies', () => {
    const checkpoint = signCheckpoint(body, operator.privateKey);
    const forgeries: Checkpoint[] = [
      { ...checkpoint, origin: 'voting-ledger/lottery' },
      { ...checkpoint, treeSize: 999 },
      { ...checkpoint, rootHash: 'gd7xQbBCCjp7GwZZYMdl/PJqxuqwxTX5qDwxQF97Dfw=' },
    ];
    for (const forgery of forgeries) {
      const verdict = verifyCheckpoint(forgery, trusted);
      expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('signature does not verify') });
    }
  });

  it('given a checkpoint signed by an unknown key, when verified, then the reason names the key and what to do', () => {
    const stranger = generateCheckpointSigningKey();
    const verdict = verifyCheckpoint(signCheckpoint(body, stranger.privateKey), trusted);
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining(`signed by key ${stranger.keyId}`),
    });
  });

  it('given malformed fields, when verified, then the reason names the field', () => {
    const checkpoint = signCheckpoint(body, operator.privateKey);
    const verdict = verifyCheckpoint({ ...checkpoint, rootHash: 'not base64' }, trusted);
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining('rootHash must be a SHA-256 hash'),
    });
    expect(() => signCheckpoint({ ...body, origin: 'two words' }, operator.privateKey)).toThrow(/origin/);
    expect(() => signCheckpoint({ ...body, treeSize: -1 }, operator.privateKey)).toThrow(/treeSize/);
  });

  it('given a key id that is not the private key’s, when signing, then it is refused', () => {
    expect(() => signCheckpoint(body, operator.privateKey, '0000000000000000')).toThrow(/does not belong/);
    expect(signCheckpoint(body, operator.privateKey, operator.keyId).keyId).toBe(operator.keyId);
  });

  it('given a checkpoint, when written as a note, then it is the body, an empty line and one signature line', () => {
    const checkpoint = signCheckpoint(body, operator.privateKey);
    expect(checkpointToNote(checkpoint)).toBe(
      `voting-ledger/turnout\n1000\n${body.rootHash}\n\n\u2014 ${operator.keyId} ${checkpoint.signature}\n`,
    );
    expect(parseCheckpointNote(checkpointToNote(checkpoint))).toEqual({ ok: true, value: checkpoint });
  });

  it('given broken notes, when parsed, then the error names the line', () => {
    const note = checkpointToNote(signCheckpoint(body, operator.privateKey));
    expect(parseCheckpointNote(note.slice(0, -1))).toEqual({
      ok: false,
      error: expect.stringContaining('newline'),
    });
    expect(parseCheckpointNote(note.replace('\n1000\n', '\n01000\n'))).toEqual({
      ok: false,
      error: expect.stringContaining('line 2'),
    });
    expect(parseCheckpointNote(note.replace('\u2014', '-'))).toEqual({
      ok: false,
      error: expect.stringContaining('line 5'),
    });
    expect(parseCheckpointNote(note.replace('\n\n', '\n'))).toEqual({
      ok: false,
      error: expect.stringContaining('5 lines'),
    });
  });

  it('given a checkpoint, when round-tripped through JSON, then it is unchanged and extra unsigned fields are dropped', () => {
    const checkpoint = signCheckpoint(body, operator.privateKey);
    const json = JSON.parse(JSON.stringify(checkpointToJson(checkpoint))) as unknown;
    expect(parseCheckpointJson(json)).toEqual({ ok: true, value: checkpoint });
    const published = { ...checkpoint, publishedAt: '2026-11-29T15:00:00.000Z' };
    expect(parseCheckpointJson(published)).toEqual({ ok: true, value: checkpoint });
    expect(parseCheckpointJson({ ...checkpoint, treeSize: '1000' })).toEqual({
      ok: false,
      error: expect.stringContaining('treeSize'),
    });
    expectRejected(parseCheckpointJson({ ...checkpoint, signature: 'AAAA' }));
  });
});

describe('checkpoint keys', () => {
  it('given a public key, when its id is derived, then it is the first 8 bytes of SHA-256 of the raw key, in hex', () => {
    const raw = rawPublicKey(operator.publicKey);
    expect(raw).toHaveLength(32);
    expect(checkpointKeyId(operator.publicKey)).toBe(
      createHash('sha256').update(raw).digest('hex').slice(0, 16),
    );
    expect(checkpointKeyId(operator.privateKey)).toBe(operator.keyId);
  });

  it('given an exported public key, when imported, then it verifies the same checkpoints', () => {
    const imported = importPublicKey(JSON.parse(JSON.stringify(exportPublicKey(operator.publicKey))));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.keyId).toBe(operator.keyId);
    const ring = new Map([[imported.value.keyId, imported.value.publicKey]]);
    expect(verifyCheckpoint(signCheckpoint(body, operator.privateKey), ring)).toEqual({ ok: true });
  });

  it('given a PEM export, when loaded by node:crypto, then it has the same id', () => {
    const pem = exportPublicKeyPem(operator.privateKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(checkpointKeyId(createPublicKey(pem))).toBe(operator.keyId);
  });

  it('given an exported key whose id was altered, when imported, then it is refused', () => {
    const exported = exportPublicKey(operator.publicKey);
    const altered = { ...exported, keyId: exported.keyId.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    expect(importPublicKey(altered)).toEqual({ ok: false, error: expect.stringContaining('does not match') });
    expectRejected(importPublicKey({ ...exported, algorithm: 'RSA' }));
    expectRejected(importPublicKey({ ...exported, publicKey: 'AAAA' }));
  });
});
