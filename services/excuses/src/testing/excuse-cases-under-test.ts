import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import type { DeadlineHandlers, DeadlineReactions } from '@vl/deadlines';
import { composeService } from '@vl/service-composition';
import { startServiceUnderTest, type TestClock } from '@vl/testing';
import { EXCUSES } from '../app.module';
import { excuseDocumentsExpire } from '../application/document-retention.deadline';
import { DocumentRetention } from '../application/document-retention';
import { ExcuseDeadlines } from '../application/excuse-deadlines';
import { excuseCasesPart } from '../excuse-cases.part';
import { excuses } from '../excuses.descriptor';
import type { ExcusesUnderTest } from './excuses-under-test';

/** The service's deadlines and the deletion of document files, until ExcuseDeadlines registers that kind itself. */
@Injectable()
class ExcuseCaseDeadlines implements DeadlineReactions {
  constructor(
    @Inject(ExcuseDeadlines) private readonly service: ExcuseDeadlines,
    @Inject(DocumentRetention) private readonly retention: DocumentRetention,
  ) {}

  deadlineHandlers(): DeadlineHandlers {
    const handlers = this.service.deadlineHandlers();
    return handlers.kinds.includes(excuseDocumentsExpire.name)
      ? handlers
      : handlers.on(excuseDocumentsExpire, (deadline, tx) =>
          this.retention.expire(deadline.payload.absenceId, deadline.payload.caseId, tx),
        );
  }
}

@Module({})
class ExcuseCasesTestModule {}

/** The excuses service with the excuse-case part, as app.module.ts will declare it, on a clock the test moves. */
export async function startExcuseCases(clock: TestClock): Promise<ExcusesUnderTest> {
  const withPart = EXCUSES.parts?.includes(excuseCasesPart)
    ? EXCUSES
    : {
        ...EXCUSES,
        parts: [...(EXCUSES.parts ?? []), excuseCasesPart],
        providers: [...(EXCUSES.providers ?? []), ExcuseDeadlines],
        deadlines: ExcuseCaseDeadlines,
      };
  const service = await startServiceUnderTest({
    descriptor: excuses,
    module: (config): DynamicModule =>
      composeService(ExcuseCasesTestModule, withPart, config, {
        clock,
        deadlineRunner: { pollIntervalMs: 100 },
      }),
    defaultRoles: ['cec-operator'],
  });
  return { ...service, clock };
}
