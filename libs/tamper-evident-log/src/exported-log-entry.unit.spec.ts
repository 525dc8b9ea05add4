import { canonicalBytes } from './canonical-bytes';
import { eventLeafHash, exportedLogEntry, exportLine, parseExportLine } from './exported-log-entry';
import { leafHash } from './rfc6962-hashing';
import { toHex } from './hash-encoding';
import { sampleEnvelope } from './sample-log.fixture';

describe('exported log entries (NDJSON)', () => {
  it('given an event, when exported, then its leaf hash is SHA-256(0x00 || canonical bytes)', () => {
    const event = sampleEnvelope(7);
    expect(exportedLogEntry(7, event)).toEqual({
      position: 7,
      leafHash: toHex(leafHash(canonicalBytes(event))),
      event,
    });
    expect(toHex(eventLeafHash(event))).toBe(toHex(leafHash(canonicalBytes(event))));
  });

  it('given an entry, when written as a line, then the fields come in a fixed order and the event is canonical', () => {
    const entry = exportedLogEntry(3, { type: 'VoterCheckedIn', eventId: 'e-3' });
    expect(exportLine(entry)).toBe(
      `{"position":3,"leafHash":"${entry.leafHash}","event":{"eventId":"e-3","type":"VoterCheckedIn"}}`,
    );
  });

  it('given a written line, when parsed, then the entry comes back', () => {
    const entry = exportedLogEntry(12, sampleEnvelope(12));
    expect(parseExportLine(exportLine(entry), 13)).toEqual({ ok: true, value: entry });
  });

  it.each([
    ['{"position":0,', 'line 4: not valid JSON'],
    ['{"position":-1,"leafHash":"' + '0'.repeat(64) + '","event":{}}', 'line 4: position:'],
    ['{"position":1.5,"leafHash":"' + '0'.repeat(64) + '","event":{}}', 'line 4: position:'],
    [
      '{"position":0,"leafHash":"' + 'A'.repeat(64) + '","event":{}}',
      'line 4: leafHash: expected the SHA-256',
    ],
    [
      '{"position":0,"leafHash":"' + '0'.repeat(64) + '","event":[1]}',
      'line 4: event: expected the event envelope',
    ],
    ['{"position":0,"leafHash":"' + '0'.repeat(64) + '"}', 'line 4: event:'],
    [
      '{"position":0,"leafHash":"' + '0'.repeat(64) + '","event":{},"extra":1}',
      'line 4: (line): Unrecognized key',
    ],
  ])('given the bad line %s, when parsed, then the error says %s', (line, error) => {
    const parsed = parseExportLine(line, 4);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });

  it('given an impossible entry, when written, then it is refused', () => {
    expect(() => exportLine({ position: -1, leafHash: '0'.repeat(64), event: {} })).toThrow(RangeError);
    expect(() => exportLine({ position: 0, leafHash: 'xyz', event: {} })).toThrow(RangeError);
  });
});
