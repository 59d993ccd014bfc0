import { describe, expect, it } from 'vitest';
import { benchWire, WIRE_WAYS } from './wire.ts';

describe('bench wire', () => {
  it('every way delivers packets to every viewer, and every row field is finite', async () => {
    const rows = await benchWire({ viewers: [20], seconds: 1, settleS: 0.3 });
    expect(rows.map((r) => r.way)).toEqual([...WIRE_WAYS]);
    for (const row of rows) {
      expect(row.note, row.way).not.toMatch(/^skipped|not connected|closed/);
      expect(row.connected, row.way).toBe(20);
      expect(row.minViewerPps, row.way).toBeGreaterThan(0);
      for (const key of ['deliveredPerSec', 'deliveredPct', 'msgsPerPacket', 'serverCpuPct', 'serverSysShare', 'usPerPacket', 'usPerMsg', 'xFloor', 'bytesPerSecPerViewer', 'genCpuPct', 'load1Start', 'load1End'] as const) {
        expect(Number.isFinite(row[key]), `${row.way} ${key} = ${row[key]}`).toBe(true);
      }
    }
    // The default parser sends a text header before each binary attachment; the others one binary message.
    const perPacket = Object.fromEntries(rows.map((r) => [r.way, r.msgsPerPacket]));
    expect(perPacket['ws send']).toBeCloseTo(1, 1);
    expect(perPacket['sio default']).toBeCloseTo(2, 1);
    expect(perPacket['sio default 2 bufs']).toBeCloseTo(3, 1);
    expect(perPacket['sio msgpack']).toBeCloseTo(1, 1);
    expect(perPacket['eio raw preframed']).toBeCloseTo(1, 1);
  });
});
