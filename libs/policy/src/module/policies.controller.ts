import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CurrentPrincipal, type Principal, type Role, Roles, Scope, Scoped } from '@vl/auth';
import type { AnyPolicyKind, FieldIssue } from '@vl/contracts';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import type { Response } from 'express';
import { decisionAdoptionIdOf, type PolicyAdoption, type PolicyRejection } from '../index';
import { PolicyBook } from './policy-book';
import { adoptPolicyRequest, inForceQuery, policyKindPath, type AdoptPolicyRequest } from './policy.requests';

// the role through which each adopting body acts
const ROLE_OF_BODY: Readonly<Record<AnyPolicyKind['adoptingBody'], Role>> = {
  cec: 'cec-operator',
  cabinet: 'cabinet',
};

/**
 * Policy as data: the service's rules that law leaves to the CEC or the Cabinet, adopted from an effective date;
 * an election applies the policy in force on its date.
 */
@Controller('policies')
export class PoliciesController {
  constructor(@Inject(PolicyBook) private readonly book: PolicyBook) {}

  /** Adopts a policy of a kind: by a CEC operator for the CEC's kinds, by the Cabinet's office for benefit programs. */
  @Post(':kind')
  @Roles('cec-operator', 'cabinet')
  @Scoped(Scope.national())
  @Idempotent()
  async adopt(
    @Param(new ZodValidationPipe(policyKindPath)) { kind: name }: { kind: string },
    @Body(new ZodValidationPipe(adoptPolicyRequest)) request: AdoptPolicyRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const kind = this.kindOf(name);
    const role = ROLE_OF_BODY[kind.adoptingBody];
    if (!principal.roles.includes(role)) {
      throw new ForbiddenException(
        `${kind.kind} is adopted by the ${kind.adoptingBody}: it needs the ${role} role`,
      );
    }
    const outcome = await this.book.adopt(kind, {
      adoptionId:
        request.id ?? decisionAdoptionIdOf(kind.kind, request.adoptedBy.body, request.adoptedBy.decision),
      effectiveFrom: request.effectiveFrom,
      adoptedBy: request.adoptedBy,
      actor: { subject: principal.subject, role },
      content: request.content,
    });
    if (!outcome.ok) throw refusal(outcome.error);
    // a retried adoption changes nothing: 200 with what the first one adopted
    response.status(outcome.value.created ? 201 : 200);
    return answer(outcome.value.adoption);
  }

  /** Every adoption of a kind, in the order adopted, the statutory default first. */
  @Get(':kind')
  @Roles('cec-operator', 'cabinet', 'auditor', 'commission', 'ministry:*')
  @Scoped(Scope.unscoped('the policies in force are the law, the same for every precinct'))
  list(@Param(new ZodValidationPipe(policyKindPath)) { kind: name }: { kind: string }) {
    const kind = this.kindOf(name);
    return { kind: kind.kind, adoptions: this.book.line(kind).map(answer) };
  }

  /** The policy of a kind that an election on the given date applies. */
  @Get(':kind/in-force')
  @Roles('cec-operator', 'cabinet', 'auditor', 'commission', 'ministry:*')
  @Scoped(Scope.unscoped('the policies in force are the law, the same for every precinct'))
  inForce(
    @Param(new ZodValidationPipe(policyKindPath)) { kind: name }: { kind: string },
    @Query(new ZodValidationPipe(inForceQuery)) { date }: { date: string },
  ) {
    const kind = this.kindOf(name);
    const adoption = this.book.inForce(kind, date);
    if (!adoption) throw new NotFoundException(`no ${kind.kind} policy is in force on ${date}`);
    return answer(adoption);
  }

  private kindOf(name: string): AnyPolicyKind {
    const kind = this.book.kind(name);
    if (kind) return kind;
    const held = this.book.kinds().map((known) => known.kind);
    throw new NotFoundException({
      statusCode: 404,
      error: 'Not Found',
      message: `kind: unknown policy kind ${name}; this service holds ${held.join(', ') || 'none'}`,
      errors: [{ field: 'kind', rule: `expected one of ${held.join(' | ')}` }],
    });
  }
}

function answer(adoption: PolicyAdoption) {
  const { adoptionId, ...rest } = adoption;
  return { id: adoptionId, ...rest };
}

function refusal(rejection: PolicyRejection): Error {
  if (rejection.code === 'adoption-id-reused') return new ConflictException(rejection.message);
  return badRequest(rejection.issues);
}

// the shape of every 400 of the ledger: each field and the rule it broke
function badRequest(issues: readonly FieldIssue[]): BadRequestException {
  const errors = issues.map((issue) => ({ field: issue.path, rule: issue.rule }));
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((error) => `${error.field}: ${error.rule}`).join('; '),
    errors,
  });
}
