import type { Core } from '@strapi/strapi';
import { runtime } from '../../../../../runtime';
import { clock } from '../../../../../runtime/clock';
import type { DispatchOrder } from '../../../../orders/shared/contracts/orders-dispatch';
import type { AlertKindValue } from '../../../shared/contracts/dispatch';
import { modeFor, nextStep, optimalAssignment, startHasPassed, type DispatchMode, type TaskState } from '../domain';
import { getService, ordersPort, TASK_UID } from '../utils';
import { isExclusive, OFFER_TIMEOUT_QUEUE } from './offers';

export const EVENTS_QUEUE = 'dispatch-events';
export const ROUND_QUEUE = 'dispatch-round-timeout';
export const START_PASSED_QUEUE = 'dispatch-start-passed';
export const BATCH_QUEUE = 'dispatch-batch';
export const SWEEP_QUEUE = 'dispatch-sweep';
const SWEEP_SECONDS = 30;
const OPEN_STATES: TaskState[] = ['offering', 'waiting_batch', 'escalated'];

export interface TaskRow {
  id: number;
  orderId: number;
  orderDocumentId: string;
  orderNo: string | null;
  cityAdcode: string | null;
  categorySlug: string | null;
  mode: DispatchMode;
  taskState: TaskState;
  round: number;
  version: number;
  scheduledAt: string;
  escalatedAt: string | null;
}

/**
 * Runs each paid order through its dispatch mode: 派单 offers one candidate at a time, 抢单
 * broadcasts a round, batch waits for the next optimal assignment, manual goes straight to the
 * operators. Rounds escalate to an ops alert; an order still waiting at its start is closed and
 * refunded. Triggered by jobs (BullMQ with Redis: once across instances, kept over restarts) and
 * backed by a sweep, so a lost message or a restart only delays a step.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'dispatch-settings').current();
  const offers = () => getService(strapi, 'offers');
  const events = () => getService(strapi, 'dispatch-events');
  const queue = () => runtime().queue;

  async function taskOf(orderId: number): Promise<TaskRow | null> {
    return (await strapi.db.query(TASK_UID).findOne({ where: { orderId } })) as TaskRow | null;
  }

  /** Writes the task only if nobody changed it since it was read; false when someone did. */
  async function updateTask(task: TaskRow, data: Partial<TaskRow>): Promise<boolean> {
    const { count } = await strapi.db.query(TASK_UID).updateMany({ where: { id: task.id, version: task.version }, data: { ...data, version: task.version + 1 } });
    if (count === 1) Object.assign(task, data, { version: task.version + 1 });
    return count === 1;
  }

  function announce(task: TaskRow) {
    events().update(task.cityAdcode, { order: task.orderDocumentId, taskState: task.taskState, at: clock.now().toISOString() });
  }

  async function escalate(task: TaskRow, order: DispatchOrder, kind: AlertKindValue, message: string): Promise<void> {
    if (!(await updateTask(task, { taskState: 'escalated', escalatedAt: clock.now().toISOString() }))) return;
    await getService(strapi, 'alerts').raise(order, kind, message);
    announce(task);
  }

  async function openTask(order: DispatchOrder, mode: DispatchMode): Promise<TaskRow | null> {
    const existing = await taskOf(order.id);
    if (existing) {
      if (OPEN_STATES.includes(existing.taskState)) return null;
      // Back to 待接单 (released, reassigned): a fresh dispatch.
      return (await updateTask(existing, { taskState: 'offering', mode, round: 1, scheduledAt: order.scheduledAt, escalatedAt: null })) ? existing : null;
    }
    try {
      return (await strapi.db.query(TASK_UID).create({
        data: {
          orderId: order.id,
          orderDocumentId: order.documentId,
          orderNo: order.orderNo,
          cityAdcode: order.cityAdcode,
          categorySlug: order.categorySlug,
          mode,
          taskState: 'offering',
          round: 1,
          version: 0,
          scheduledAt: order.scheduledAt,
        },
      })) as TaskRow;
    } catch (err) {
      // Another instance started it first (unique order_id).
      if (await taskOf(order.id)) return null;
      throw err;
    }
  }

  return {
    taskOf,

    async start(orderDocumentId: string): Promise<void> {
      const order = await ordersPort(strapi).order({ documentId: orderDocumentId });
      if (!order || order.status !== 'pending_acceptance') return;
      const s = await settings();
      const mode = modeFor(s.modes, s.dispatch.mode, order.cityAdcode, order.categorySlug);
      const task = await openTask(order, mode);
      if (!task) return;
      const untilStart = Date.parse(order.scheduledAt) - clock.now().getTime();
      await queue().add(START_PASSED_QUEUE, { order: order.documentId }, { jobId: `start-passed-${order.documentId}`, delayMs: Math.max(0, untilStart) });
      if (startHasPassed(order.scheduledAt, clock.now())) {
        await this.closeIfStarted(order.documentId);
        return;
      }
      if (mode === 'manual') return escalate(task, order, 'manual', '人工派单：请在调度台为该订单指派师傅');
      if (mode === 'batch') {
        if (await updateTask(task, { taskState: 'waiting_batch' })) announce(task);
        return;
      }
      if (mode === 'grab') return this.broadcast(task, order, 1);
      return this.offerNext(task, order);
    },

    /** 派单 / the member's pick: the next best candidate nobody offered yet, or the next round, or an alert. */
    async offerNext(task: TaskRow, order: DispatchOrder): Promise<void> {
      const s = await settings();
      const previous = await offers().ofOrder(order.id);
      if (previous.some((o) => o.offerState === 'open')) return;
      if (task.mode === 'recommend' && order.preferredWorkerId) {
        if (previous.some((o) => o.workerId === order.preferredWorkerId)) {
          return escalate(task, order, 'no_acceptance', '客户指定的师傅未接单，请联系客户或改派');
        }
        const { candidates } = await getService(strapi, 'candidates').forOrder(order);
        const chosen = candidates.find((c) => c.worker.id === order.preferredWorkerId);
        if (!chosen) return escalate(task, order, 'no_candidates', '客户指定的师傅该时间无法接单');
        if (!(await updateTask(task, { taskState: 'offering' }))) return;
        await offers().create(task, order, chosen, { mode: task.mode, round: task.round, timeoutSeconds: s.dispatch.offerTimeoutSeconds, scheduleTimeout: true });
        return announce(task);
      }
      const { candidates } = await getService(strapi, 'candidates').forOrder(order, { excludeWorkerIds: new Set(previous.map((o) => o.workerId)), limit: 1 });
      const inRound = previous.filter((o) => o.round === task.round).length;
      const step = nextStep(task.round, inRound, { offersPerRound: s.dispatch.offersPerRound, maxRounds: s.dispatch.maxRounds }, candidates.length > 0);
      if (step.kind === 'escalate') {
        return previous.length
          ? escalate(task, order, 'no_acceptance', `已派给 ${previous.length} 位师傅均未接单，请人工处理`)
          : escalate(task, order, 'no_candidates', '附近没有符合条件且有空的师傅');
      }
      if (!(await updateTask(task, { round: step.round, taskState: 'offering' }))) return;
      await offers().create(task, order, candidates[0], { mode: task.mode, round: step.round, timeoutSeconds: s.dispatch.offerTimeoutSeconds, scheduleTimeout: true });
      announce(task);
    },

    /** 抢单: every eligible worker of the round gets the order at once; the first accept wins. */
    async broadcast(task: TaskRow, order: DispatchOrder, round: number): Promise<void> {
      const s = await settings();
      const previous = await offers().ofOrder(order.id);
      const rejected = new Set(previous.filter((o) => o.offerState === 'rejected').map((o) => o.workerId));
      // The first round goes to the best few; a later one to everyone eligible.
      const limit = round === 1 ? s.dispatch.maxCandidates : 200;
      const { candidates } = await getService(strapi, 'candidates').forOrder(order, { excludeWorkerIds: rejected, limit });
      if (!candidates.length) {
        return previous.length
          ? escalate(task, order, 'no_acceptance', '抢单无人接，请人工处理')
          : escalate(task, order, 'no_candidates', '附近没有符合条件且有空的师傅');
      }
      if (!(await updateTask(task, { round, taskState: 'offering' }))) return;
      for (const candidate of candidates) {
        await offers().create(task, order, candidate, { mode: 'grab', round, timeoutSeconds: s.dispatch.offerTimeoutSeconds, scheduleTimeout: false });
      }
      await queue().add(ROUND_QUEUE, { taskId: task.id, round }, { jobId: `round-${task.id}-${round}`, delayMs: s.dispatch.offerTimeoutSeconds * 1000 });
      announce(task);
    },

    /** An exclusive offer ended without acceptance (rejected or expired). */
    async advance(taskId: number): Promise<void> {
      const task = (await strapi.db.query(TASK_UID).findOne({ where: { id: taskId } })) as TaskRow | null;
      if (!task || task.taskState !== 'offering' || !isExclusive(task.mode)) return;
      const order = await ordersPort(strapi).order({ id: task.orderId });
      if (!order) return;
      if (order.status !== 'pending_acceptance') return this.settle(order.documentId);
      if (task.mode === 'batch') {
        const s = await settings();
        if ((await offers().ofOrder(order.id)).some((o) => o.offerState === 'open')) return;
        if (task.round >= s.dispatch.maxRounds) return escalate(task, order, 'no_acceptance', '批量派单多轮无人接，请人工处理');
        if (await updateTask(task, { taskState: 'waiting_batch', round: task.round + 1 })) announce(task);
        return;
      }
      return this.offerNext(task, order);
    },

    /** A grab round's time is up. */
    async roundEnded(taskId: number, round: number): Promise<void> {
      const task = (await strapi.db.query(TASK_UID).findOne({ where: { id: taskId } })) as TaskRow | null;
      if (!task || task.taskState !== 'offering' || task.mode !== 'grab' || task.round !== round) return;
      await offers().expireRound(task.id, round);
      const order = await ordersPort(strapi).order({ id: task.orderId });
      if (!order) return;
      if (order.status !== 'pending_acceptance') return this.settle(order.documentId);
      const s = await settings();
      if (round < s.dispatch.maxRounds) return this.broadcast(task, order, round + 1);
      return escalate(task, order, 'no_acceptance', `抢单 ${round} 轮无人接，请人工处理`);
    },

    /** The order left 待接单 (accepted, cancelled…) or came back to it. */
    async settle(orderDocumentId: string): Promise<void> {
      const order = await ordersPort(strapi).order({ documentId: orderDocumentId });
      if (!order) return;
      if (order.status === 'pending_acceptance') return this.start(orderDocumentId);
      const task = await taskOf(order.id);
      if (!task) return;
      const cancelled = order.status === 'cancelled';
      await offers().withdrawAll(order.id, cancelled ? 'cancelled' : 'taken');
      const state: TaskState = cancelled ? 'closed' : 'assigned';
      if (task.taskState !== state && OPEN_STATES.includes(task.taskState)) await updateTask(task, { taskState: state });
      await getService(strapi, 'alerts').resolveForOrder(order.id, ['no_candidates', 'no_acceptance', 'manual']);
      announce({ ...task, taskState: state });
    },

    /** Start passed and still 待接单: cancelled by the system with a full refund, operators told. */
    async closeIfStarted(orderDocumentId: string): Promise<boolean> {
      const order = await ordersPort(strapi).order({ documentId: orderDocumentId });
      if (!order || order.status !== 'pending_acceptance' || !startHasPassed(order.scheduledAt, clock.now())) return false;
      const closed = await ordersPort(strapi).closeUnaccepted(order.id, '预约时间已到仍无师傅接单，订单已自动取消并全额退款');
      if (!closed) return false;
      await offers().withdrawAll(order.id, 'cancelled');
      const task = await taskOf(order.id);
      if (task && OPEN_STATES.includes(task.taskState)) await updateTask(task, { taskState: 'closed' });
      await getService(strapi, 'alerts').resolveForOrder(order.id, ['no_candidates', 'no_acceptance', 'manual']);
      await getService(strapi, 'alerts').raise(order, 'closed_unaccepted', `订单 ${order.orderNo} 到预约时间仍无人接单，已自动取消并退款`);
      if (task) announce({ ...task, taskState: 'closed' });
      return true;
    },

    /**
     * Batch mode: every waiting order of a city against the workers free for it, solved as one
     * assignment maximising the total score (Kuhn–Munkres); each match becomes an exclusive offer.
     */
    async runBatch(): Promise<number> {
      const s = await settings();
      const tasks = (await strapi.db.query(TASK_UID).findMany({ where: { taskState: 'waiting_batch' }, orderBy: [{ scheduledAt: 'asc' }], limit: 500 })) as TaskRow[];
      const byCity = new Map<string, TaskRow[]>();
      for (const t of tasks) byCity.set(t.cityAdcode ?? '', [...(byCity.get(t.cityAdcode ?? '') ?? []), t]);
      let offered = 0;
      for (const cityTasks of byCity.values()) {
        const rows: Array<{ task: TaskRow; order: DispatchOrder; scores: Map<number, any> }> = [];
        for (const task of cityTasks) {
          const order = await ordersPort(strapi).order({ id: task.orderId });
          if (!order || order.status !== 'pending_acceptance') {
            if (order) await this.settle(order.documentId);
            continue;
          }
          const previous = await offers().ofOrder(order.id);
          // Orders in one place share their best workers: each order brings at least as many as there
          // are orders waiting, or the matrix has fewer columns than rows and orders go unmatched.
          const { candidates } = await getService(strapi, 'candidates').forOrder(order, { excludeWorkerIds: new Set(previous.map((o) => o.workerId)), limit: Math.max(30, cityTasks.length) });
          if (!candidates.length) {
            await escalate(task, order, previous.length ? 'no_acceptance' : 'no_candidates', '批量派单：附近没有符合条件且有空的师傅');
            continue;
          }
          rows.push({ task, order, scores: new Map(candidates.map((c) => [c.worker.id, c])) });
        }
        const workerIds = [...new Set(rows.flatMap((r) => [...r.scores.keys()]))];
        const matrix = rows.map((r) => workerIds.map((id) => r.scores.get(id)?.score ?? 0));
        for (const match of optimalAssignment(matrix)) {
          const { task, order, scores } = rows[match.row];
          if (!(await updateTask(task, { taskState: 'offering' }))) continue;
          await offers().create(task, order, scores.get(workerIds[match.col]), { mode: 'batch', round: task.round, timeoutSeconds: s.dispatch.offerTimeoutSeconds, scheduleTimeout: true });
          announce(task);
          offered++;
        }
      }
      return offered;
    },

    /** What jobs would have done by now: expired offers, ended rounds, passed starts, orders nobody started. */
    async sweep(): Promise<void> {
      const now = clock.now();
      const expired = await offers().expireDue(now);
      const touched = new Map<number, number>();
      for (const offer of expired) touched.set(offer.taskId, offer.round);
      for (const [taskId, round] of touched) {
        const task = (await strapi.db.query(TASK_UID).findOne({ where: { id: taskId } })) as TaskRow | null;
        if (task?.mode === 'grab') await this.roundEnded(taskId, round);
        else await this.advance(taskId);
      }
      const started = (await strapi.db.query(TASK_UID).findMany({ where: { taskState: { $in: OPEN_STATES }, scheduledAt: { $lte: now } }, limit: 200 })) as TaskRow[];
      for (const task of started) await this.closeIfStarted(task.orderDocumentId);
      for (const order of await ordersPort(strapi).pendingOrders({ limit: 200 })) {
        if (!(await taskOf(order.id))) await this.start(order.documentId);
      }
    },

    /** Queue consumers, the order-status feed, and the recurring sweep and batch jobs. */
    async register(): Promise<() => Promise<void>> {
      const q = queue();
      q.process<{ order: string; status: string }>(EVENTS_QUEUE, async ({ order, status }) => {
        if (status === 'pending_acceptance') await this.start(order);
        else await this.settle(order);
      });
      q.process<{ offerId: number }>(OFFER_TIMEOUT_QUEUE, async ({ offerId }) => {
        const offer = await offers().expire(offerId);
        if (offer) await this.advance(offer.taskId);
      });
      q.process<{ taskId: number; round: number }>(ROUND_QUEUE, async ({ taskId, round }) => this.roundEnded(taskId, round));
      q.process<{ order: string }>(START_PASSED_QUEUE, async ({ order }) => {
        await this.closeIfStarted(order);
      });
      q.process(SWEEP_QUEUE, async () => {
        try {
          await this.sweep();
        } finally {
          await this.scheduleEvery(SWEEP_QUEUE, SWEEP_SECONDS);
        }
      });
      q.process(BATCH_QUEUE, async () => {
        try {
          await this.runBatch();
        } finally {
          await this.scheduleEvery(BATCH_QUEUE, (await settings()).dispatch.batchIntervalSeconds);
        }
      });
      await this.scheduleEvery(SWEEP_QUEUE, SWEEP_SECONDS);
      await this.scheduleEvery(BATCH_QUEUE, (await settings()).dispatch.batchIntervalSeconds);
      // Every instance hears the status; the job id makes one of them act on it.
      return runtime().pubsub.subscribe<{ order: string; status: string; at: string }>('orders.status', (message) => {
        void q
          .add(EVENTS_QUEUE, { order: message.order, status: message.status }, { jobId: `${message.status}-${message.order}-${Date.parse(message.at)}` })
          .catch((err: Error) => strapi.log.error(`dispatch: could not queue ${message.status} of ${message.order}: ${err.message}`));
      });
    },

    /** The next run of a recurring job at the next multiple of `seconds`; the job id lets every instance add it. */
    async scheduleEvery(name: string, seconds: number): Promise<void> {
      const period = Math.max(1, seconds) * 1000;
      const next = Math.floor(Date.now() / period + 1) * period;
      await queue().add(name, {}, { jobId: `${name}-${next}`, delayMs: next - Date.now(), attempts: 1 });
    },
  };
};
