/**
 * Write-path throughput on the seeded database: complaints received through receiveComplaintUseCase,
 * then accepted and acknowledged through actOnComplaint, one command at a time; on PostgreSQL also with
 * several commands in flight (separate complaints, so only the reference counter is shared).
 */
import { londonDateOf } from '../src/domain/calendar/index.ts';
import { systemClock } from '../src/modules/complaints/case-context.ts';
import { actOnComplaint } from '../src/modules/complaints/act-on-complaint.use-case.ts';
import { receiveComplaintUseCase } from '../src/modules/complaints/receive-complaint.use-case.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import {
  OFFICER,
  pick,
  random,
  receiveInput,
  STAGE_1_HANDLERS,
  wireReceiveInput,
} from './complaint-scenarios.ts';
import { benchActor } from './seed.ts';
import { latencyStats, perSecond, round, type LatencyStats } from './report.ts';

export interface CommandFigures extends LatencyStats {
  command: string;
  perSecond: number;
}

export interface WritePathResults {
  complaints: number;
  sequential: CommandFigures[];
  /** All three commands over all complaints, one at a time. */
  sequentialCommandsPerSecond: number;
  concurrent: { inFlight: number; complaints: number; commandsPerSecond: number } | null;
}

async function lifecycle(
  db: DatabaseHandle,
  organisationId: string,
  next: () => number,
  timings?: { receive: number[]; accept: number[]; acknowledge: number[] },
): Promise<void> {
  const deps = { db, clock: systemClock };
  const now = new Date();
  const receivedAt = new Date(now.getTime() - Math.floor(next() * 3_600_000));
  let t = performance.now();
  const officer = benchActor(OFFICER, 'complaints-officer');
  const view = await receiveComplaintUseCase(
    deps,
    organisationId,
    wireReceiveInput(receiveInput(next, receivedAt, londonDateOf(receivedAt), 'england')),
    officer,
  );
  timings?.receive.push(performance.now() - t);
  const request = { organisationId, caseRef: view.id, actor: officer };
  t = performance.now();
  await actOnComplaint(deps, request, 'accept', {});
  timings?.accept.push(performance.now() - t);
  const handler = pick(next, STAGE_1_HANDLERS);
  t = performance.now();
  await actOnComplaint(deps, { ...request, actor: benchActor(handler, 'handler') }, 'acknowledge', {
    points: [{ text: 'The repair was not done when promised' }, { text: 'Nobody called back' }],
    outcomesSought: ['Put the problem right and an apology'],
    handler: { staffId: handler.id },
  });
  timings?.acknowledge.push(performance.now() - t);
}

export async function benchWritePath(
  db: DatabaseHandle,
  organisationId: string,
  complaints: number,
  inFlight: number | null,
): Promise<WritePathResults> {
  const next = random(500);
  // Warm up (policy parsing, calendars, prepared paths) on a few complaints not counted.
  for (let i = 0; i < 5; i++) await lifecycle(db, organisationId, next);

  const timings = { receive: [] as number[], accept: [] as number[], acknowledge: [] as number[] };
  const start = performance.now();
  for (let i = 0; i < complaints; i++) await lifecycle(db, organisationId, next, timings);
  const elapsed = performance.now() - start;
  const figures = (command: string, samples: number[]): CommandFigures => ({
    command,
    ...latencyStats(samples),
    perSecond: round(
      perSecond(
        samples.length,
        samples.reduce((a, b) => a + b, 0),
      ),
      1,
    ),
  });

  let concurrent: WritePathResults['concurrent'] = null;
  if (inFlight !== null && inFlight > 1) {
    let remaining = complaints;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (remaining > 0) {
          remaining--;
          await lifecycle(db, organisationId, next);
        }
      }),
    );
    concurrent = {
      inFlight,
      complaints,
      commandsPerSecond: round(perSecond(3 * complaints, performance.now() - t), 1),
    };
  }

  return {
    complaints,
    sequential: [
      figures('receive (receiveComplaintUseCase)', timings.receive),
      figures('accept (actOnComplaint)', timings.accept),
      figures('acknowledge (actOnComplaint)', timings.acknowledge),
    ],
    sequentialCommandsPerSecond: round(perSecond(3 * complaints, elapsed), 1),
    concurrent,
  };
}
