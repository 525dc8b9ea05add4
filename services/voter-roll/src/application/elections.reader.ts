import { Injectable } from '@nestjs/common';
import { EventStore } from '@vl/event-store';
import { DataSource, type EntityManager } from 'typeorm';
import { electionDecider } from '../domain/call-election';
import type { Election } from '../domain/election';
import { electionStreamId } from '../domain/stream-ids';
import { loadAggregate } from './aggregate-state';

/** An election's state, folded from its own stream. */
@Injectable()
export class ElectionsReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  async load(electionId: string, manager?: EntityManager): Promise<Election> {
    const loaded = await loadAggregate(
      this.store,
      electionStreamId(electionId),
      electionDecider,
      manager ?? this.dataSource.manager,
    );
    return loaded.state;
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
