import { Injectable } from '@nestjs/common';
import { EventStore } from '@vl/event-store';
import type { EntityManager } from 'typeorm';
import type { CitizenRecord } from '../../domain/citizen-row';
import { citizenDecider } from '../../domain/citizen-registry';
import { precinctDecider } from '../../domain/geography';
import { citizenStreamId, precinctStreamId, voterListsStreamId } from '../../domain/stream-ids';
import { voterListsDecider } from '../../domain/voter-list-lifecycle';
import { loadAggregate } from '../aggregate-state';

/** Facts a voter's listing is decided with, each folded from the stream of the aggregate that owns it. */
@Injectable()
export class ListFacts {
  constructor(private readonly store: EventStore) {}

  async listsFinalized(electionId: string, tx: EntityManager): Promise<boolean> {
    const lists = await loadAggregate(this.store, voterListsStreamId(electionId), voterListsDecider, tx);
    return lists.state.stage === 'finalized';
  }

  async precinctRegistered(precinctId: string, tx: EntityManager): Promise<boolean> {
    const precinct = await loadAggregate(this.store, precinctStreamId(precinctId), precinctDecider, tx);
    return precinct.state.precinct !== null;
  }

  async citizen(personalNumber: string, tx: EntityManager): Promise<CitizenRecord | null> {
    const citizen = await loadAggregate(this.store, citizenStreamId(personalNumber), citizenDecider, tx);
    return citizen.state;
  }
}
