import { Injectable } from '@nestjs/common';
import type { PrecinctLookup } from '@vl/auth';
import { foldEvents, type NewEvent } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import type { Request } from 'express';
import { revokeCheckInDecider } from '../domain/revoke-check-in';
import { checkInStreamId, type IdentifiedCheckInEvent } from '../domain/voter-check-in';

/** The precinct of the check-in a revocation would withdraw: only that precinct's commission may withdraw it. */
@Injectable()
export class RevokedCheckInPrecinct implements PrecinctLookup {
  constructor(private readonly store: EventStore) {}

  async precinctOf(request: Request): Promise<string | undefined> {
    const { electionId, personalNumber } = request.params;
    if (typeof electionId !== 'string' || typeof personalNumber !== 'string') return undefined;
    if (!/^[0-9]{14}$/.test(personalNumber)) return undefined;
    const history = (await this.store.loadStream(
      checkInStreamId(electionId, personalNumber),
    )) as readonly NewEvent[];
    return foldEvents(revokeCheckInDecider, history as readonly IdentifiedCheckInEvent[]).standing
      ?.precinctId;
  }
}
