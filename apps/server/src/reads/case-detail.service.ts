import { Inject, Injectable } from '@nestjs/common';
import { CalendarService } from '@one-window/calendar/nest';
import {
  CaseCommandExecutor,
  FRONT_DESK,
  activeSpecialProcedure,
  allowedCommands,
  currentTask,
  type AllowedCommand,
  deficiencySupplyWindow,
  loadCase,
  type LoadedCase,
} from '@one-window/case';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import {
  ReadModels,
  ReadModelTimeoutError,
  type CaseSummary,
  type ObligationView,
  scopeForActor,
} from '@one-window/read-models';
import type { Actor, Clock } from '@one-window/shared';
import type { ServerConfig } from '../config/server-config.js';
import { casePolicyFor } from '../config/warning-settings.js';
import { problems } from '../problem/problem-details.js';
import { CLOCK, SERVER_CONFIG } from '../tokens.js';

/** The longest a case page waits for the read models to reach the engine's revision of the case. */
const DETAIL_WAIT_MS = 1_000;

/**
 * GET /api/cases/{id}: the read model's summary (due dates, warning, materials), plus what only the
 * case engine knows for this caller right now — the commands they may send, the task and
 * procedure those act on, the applicant, the correction notice and refusal — folded from the stream.
 */
@Injectable()
export class CaseDetailService {
  constructor(
    private readonly readModels: ReadModels,
    private readonly calendar: CalendarService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    private readonly engine: CaseCommandExecutor,
  ) {}

  async summary(caseId: string, actor: Actor): Promise<CaseSummary> {
    const scope = scopeForActor(actor);
    const summary = this.readModels.cases.summary(caseId, scope);
    if (summary) return summary;
    // Not in the read model: unknown, or written a moment ago and not projected yet.
    const loaded = await loadCase(this.store, caseId);
    const last = loaded.events[loaded.events.length - 1];
    if (!last) throw problems.notFound(`There is no case ${caseId}.`);
    await this.readModels.ready(last.position, this.config.readWaitMs);
    const caughtUp = this.readModels.cases.summary(caseId, scope);
    if (!caughtUp) throw problems.notFound(`There is no case ${caseId}.`);
    return caughtUp;
  }

  /**
   * The summary as of the engine's revision: the page's commands come from the engine and its
   * materials, due dates and status from the read models, which may trail it by a batch — a
   * command sent a moment ago from another terminal would be offered with a form listing no
   * material. While the read models follow the log (live or catching up, not stopped or
   * rebuilding) the detail waits briefly for the case's last event; past the wait it answers with
   * what they have (its `status` then differs from the engine's `state`).
   */
  private async summaryAt(
    caseId: string,
    actor: Actor,
    summary: CaseSummary,
    position: number,
  ): Promise<CaseSummary> {
    // Not by the row's revision: an event that changes nothing of the summary (a task's) leaves it behind.
    const { runner } = this.readModels;
    const following = runner.status === 'live' || runner.status === 'catching-up';
    if (!following || (runner.position ?? -1) >= position) return summary;
    try {
      await this.readModels.ready(position, Math.min(this.config.readWaitMs, DETAIL_WAIT_MS));
    } catch (error) {
      if (error instanceof ReadModelTimeoutError) return summary;
      throw error;
    }
    return this.readModels.cases.summary(caseId, scopeForActor(actor)) ?? summary;
  }

  /**
   * A case as its stream holds it, once its summary says the caller may read it (a 404 otherwise):
   * the files and notices routes read what only the events keep.
   */
  async loadInScope(caseId: string, actor: Actor): Promise<{ summary: CaseSummary; loaded: LoadedCase }> {
    const summary = await this.summary(caseId, actor);
    return { summary, loaded: await loadCase(this.store, caseId) };
  }

  async detail(caseId: string, actor: Actor) {
    const first = await this.summary(caseId, actor);
    const { state, revision: streamRevision, position } = await this.engine.folded(caseId);
    if (!state) throw problems.notFound(`There is no case ${caseId}.`);
    const summary = await this.summaryAt(caseId, actor, first, position);
    const { context } = state;
    const task = currentTask(context);
    const procedure = activeSpecialProcedure(context);
    const ctx = this.commandContext(actor);
    const allowed = allowedCommands(state, ctx);
    const stepIndex = task ? context.guide.steps.findIndex((s) => s.name === task.step) : -1;
    return {
      ...summary,
      state: state.status,
      /** The case stream's revision the engine's part was folded from (the read model's `revision` may trail it). */
      streamRevision,
      rating: state.rating,
      allowedCommands: allowed,
      currentTaskId: task?.taskId ?? null,
      activeSpecialProcedure: procedure?.n ?? null,
      returnTargets: task
        ? [...context.guide.steps.slice(0, Math.max(0, stepIndex)).map((s) => s.name), FRONT_DESK]
        : [],
      tasks: this.readModels.tasks.forCase(caseId),
      obligations: withCommands(
        this.readModels.obligations.list({ caseId, pageSize: 200 }, scopeForActor(actor)).items,
        allowed,
      ),
      applicant: context.applicant,
      agent: context.agent,
      appointmentId: context.appointmentId,
      acceptanceVoucher: context.acceptance?.voucherNumber ?? null,
      /** The applicant's 查询码 for the public progress page, printed on the acceptance notice (staff only). */
      queryCode: context.acceptance?.queryCode ?? null,
      correction: context.correction,
      refusal: context.refusal,
      /** The notices the case issued, in order; GET …/notices/{number} answers one for a reprint (ADR 18). */
      notices: context.notices,
      /** 容缺受理's supplyBy, when it is offered: after today, at most the promised due date (the default). */
      deficiencySupplyBy: allowed.some((a) => a.type === 'AcceptWithDeficiency')
        ? deficiencySupplyWindow(state, ctx)
        : null,
      decision: context.decision,
      specialProcedures: context.specialProcedures,
      extension: context.extension,
      ratings: context.ratings,
    };
  }

  /**
   * Obligations read from the read model, each with the commands the caller may send to it now,
   * as the engine says (the case as the engine's cache folds it, once per case: a case this
   * process wrote last reads nothing from the store): the obligations list offers exactly these.
   */
  async withAllowedCommands(items: readonly ObligationView[], actor: Actor): Promise<ObligationItem[]> {
    const ctx = this.commandContext(actor);
    const caseIds = [...new Set(items.map((o) => o.caseId))];
    const allowed = new Map(
      await Promise.all(
        caseIds.map(async (caseId) => {
          const { state } = await this.engine.folded(caseId);
          return [caseId, state ? allowedCommands(state, ctx) : []] as const;
        }),
      ),
    );
    return items.flatMap((o) => withCommands([o], allowed.get(o.caseId) ?? []));
  }

  /** What the rules read besides the case: now, the caller, the calendar and the warning policy. */
  private commandContext(actor: Actor) {
    return {
      now: this.clock.now(),
      actor,
      calendar: this.calendar.calendar(),
      policy: casePolicyFor(this.config),
    };
  }
}

/** An obligation as the obligations list and read answer it: with the commands the caller may send to it. */
export type ObligationItem = ObligationView & { readonly allowedCommands: readonly AllowedCommand[] };

/** Each obligation of one case with those of its case's allowed commands that act on it. */
function withCommands(
  items: readonly ObligationView[],
  allowed: readonly AllowedCommand[],
): ObligationItem[] {
  return items.map((o) => ({
    ...o,
    allowedCommands: allowed.filter((a) => a.obligationId === o.obligationId),
  }));
}
