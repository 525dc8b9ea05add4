import { electionCalledPayload } from '@vl/contracts/testing';
import { z } from 'zod';
import { deadlineKind } from './deadline-kind';
import { Deadlines } from './deadlines';
import { deadlineSchema } from './testing/deadline-fixture';

const windowCloses = deadlineKind('test.window-closes', z.object({ absenceId: z.string() }));

describe('scheduling a deadline in the transaction of the event that needs it', () => {
  let service: Awaited<ReturnType<typeof deadlineSchema>>;
  const deadlines = new Deadlines();
  const scheduled = async (key: string) =>
    (
      await service.dataSource.query('select key from deadlines where kind = $1 and key = $2', [
        windowCloses.name,
        key,
      ])
    ).length;

  beforeAll(async () => {
    service = await deadlineSchema('deadlines_schedule');
  });
  afterAll(async () => {
    await service?.close();
  });

  it('given an event and its deadline in one transaction, when it rolls back, then neither exists', async () => {
    await expect(
      service.dataSource.transaction(async (tx) => {
        await service.store.append(
          [
            {
              streamId: 'absence-a',
              expectedVersion: 'no-stream',
              events: [{ type: 'ElectionCalled', payload: electionCalledPayload() }],
            },
          ],
          {},
          tx,
        );
        await deadlines.schedule(tx, {
          kind: windowCloses,
          key: 'a',
          dueAt: new Date('2030-12-14T18:00:00Z'),
          payload: { absenceId: 'a' },
        });
        throw new Error('the decision failed after scheduling');
      }),
    ).rejects.toThrow('the decision failed after scheduling');
    expect(await scheduled('a')).toBe(0);
    expect(await service.store.loadStream('absence-a')).toEqual([]);
  });

  it('given an event and its deadline in one transaction, when it commits, then both exist', async () => {
    await service.dataSource.transaction(async (tx) => {
      await service.store.append(
        [
          {
            streamId: 'absence-b',
            expectedVersion: 'no-stream',
            events: [{ type: 'ElectionCalled', payload: electionCalledPayload() }],
          },
        ],
        {},
        tx,
      );
      expect(
        await deadlines.schedule(tx, {
          kind: windowCloses,
          key: 'b',
          dueAt: new Date('2030-12-14T18:00:00Z'),
          payload: { absenceId: 'b' },
        }),
      ).toBe(true);
    });
    expect(await scheduled('b')).toBe(1);
    expect(await service.store.loadStream('absence-b')).toHaveLength(1);
  });

  it('given a scheduled (kind, key), when scheduled again, then nothing changes: its first due time stands', async () => {
    const again = await service.dataSource.transaction((tx) =>
      deadlines.schedule(tx, {
        kind: windowCloses,
        key: 'b',
        dueAt: new Date('2031-01-01T00:00:00Z'),
        payload: { absenceId: 'b' },
      }),
    );
    expect(again).toBe(false);
    const [row] = await service.dataSource.query('select due_at from deadlines where key = $1', ['b']);
    expect((row as { due_at: Date }).due_at.toISOString()).toBe('2030-12-14T18:00:00.000Z');
  });

  it('given many deadlines of one kind, when scheduled at once, then each (kind, key) is kept once', async () => {
    const many = Array.from({ length: 1000 }, (_, index) => ({
      key: `many-${index % 500}`,
      dueAt: new Date(Date.parse('2030-12-14T18:00:00Z') + index * 1000),
      payload: { absenceId: `many-${index}` },
    }));
    const count = await service.dataSource.transaction((tx) =>
      deadlines.scheduleMany(tx, windowCloses, many),
    );
    expect(count).toBe(500);
  });

  it('given a payload that breaks its kind schema, when scheduled, then it is refused', async () => {
    await expect(
      service.dataSource.transaction((tx) =>
        deadlines.schedule(tx, {
          kind: windowCloses,
          key: 'bad',
          dueAt: new Date(),
          payload: { absenceId: 42 } as unknown as { absenceId: string },
        }),
      ),
    ).rejects.toThrow(/deadline test.window-closes bad: payload breaks its schema/);
  });
});
