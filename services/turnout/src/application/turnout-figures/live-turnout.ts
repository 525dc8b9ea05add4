import { Injectable, type MessageEvent } from '@nestjs/common';
import { concatMap, distinctUntilChanged, filter, map, timer, type Observable } from 'rxjs';
import type { TurnoutDocument } from '../../domain/turnout-figures';
import { TurnoutFigures } from './turnout-figures';

/** How often the live stream looks at the read model: dashboards are at most about a second behind. */
export const LIVE_TURNOUT_PERIOD_MS = 1_000;

/**
 * The country's turnout as Server-Sent Events: one document on connect, then one whenever the figures changed,
 * at most once a period. Unsubscribing (the client leaving) stops the timer and the queries.
 */
@Injectable()
export class LiveTurnout {
  constructor(private readonly figures: TurnoutFigures) {}

  streamOf(electionId: string): Observable<MessageEvent> {
    return timer(0, LIVE_TURNOUT_PERIOD_MS).pipe(
      // one query at a time: a slow read skips ticks instead of piling them up
      concatMap(() => this.figures.documentOf(electionId, 'country', undefined)),
      filter((outcome) => outcome.kind === 'figures'),
      map((outcome) => outcome.document),
      distinctUntilChanged((a, b) => sameFigures(a, b)),
      map((document): MessageEvent => ({ type: 'turnout', data: document })),
    );
  }
}

// the figures without their time stamp: a document that only aged is not news
const sameFigures = (a: TurnoutDocument, b: TurnoutDocument) =>
  JSON.stringify({ ...a, asOf: '' }) === JSON.stringify({ ...b, asOf: '' });
