import { Inject, Injectable } from '@nestjs/common';
import { DeadlineHandlers, type DeadlineReactions } from '@vl/deadlines';
import { AbsenceCases } from './absence-cases';
import { DocumentRetention } from './document-retention';
import { excuseDocumentsExpire } from './document-retention.deadline';
import { excuseWindowCloses } from './excuse-window-closes.deadline';

/** What excuses does when its deadlines come: one handler per kind, deciding in the firing transaction. */
@Injectable()
export class ExcuseDeadlines implements DeadlineReactions {
  constructor(
    @Inject(AbsenceCases) private readonly cases: AbsenceCases,
    @Inject(DocumentRetention) private readonly retention: DocumentRetention,
  ) {}

  deadlineHandlers(): DeadlineHandlers {
    return new DeadlineHandlers()
      .on(excuseWindowCloses, (deadline, tx) =>
        this.cases.closePage(deadline.payload.electionId, deadline.payload.after, tx),
      )
      .on(excuseDocumentsExpire, (deadline, tx) =>
        this.retention.expire(deadline.payload.absenceId, deadline.payload.caseId, tx),
      );
  }
}
