import { Injectable } from '@nestjs/common';
import { EventStore } from '@vl/event-store';
import type { EntityManager } from 'typeorm';
import { electionStreamId } from '../domain/call-election';
import { evolveElection, initialElection, type Election, type ElectionEvent } from '../domain/election';

/** An election's state, folded from its own stream. */
@Injectable()
export class ElectionsReader {
  constructor(private readonly store: EventStore) {}

  async load(electionId: string, manager?: EntityManager): Promise<Election> {
    const events = await this.store.loadStream(electionStreamId(electionId), manager);
    return events.reduce(
      (state, event) => evolveElection(state, event as unknown as ElectionEvent),
      initialElection,
    );
  }
}

// the 'en-CA' locale formats dates as YYYY-MM-DD
export function calendarDateIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
