import type { Core } from "@strapi/strapi";
import {
  certificateNotices,
  type CertificateNotice,
} from "../../../../../api/people/domain/certificates";
import { runtime } from "../../../../../runtime";
import {
  clock,
  DEFAULT_TIMEZONE,
  fromZonedTime,
  toZonedIso,
  zonedParts,
} from "../../../../../runtime/clock";
import { CERTIFICATE_LABELS } from "../domain/worker-state";
import { WORKER_UID } from "../utils";

export const CERTIFICATE_QUEUE = "workforce-certificates";
/** The rule: a worker hears of an expiring certificate thirty days ahead. */
export const CERTIFICATE_NOTICE_DAYS = 30;
/** Notices go out at 09:00 business time, not at midnight (an SMS at 00:00 wakes people). */
const RUN_HOUR = 9;
const PAGE = 200;

export const CERTIFICATE_NOTICE_CODES: Record<
  CertificateNotice["stage"],
  string
> = {
  expiring: "certificate_expiring",
  expired: "certificate_expired",
};

const labelOf = (type: string) =>
  CERTIFICATE_LABELS[type as keyof typeof CERTIFICATE_LABELS] ?? type;

/** The next 09:00 in the business time zone after `now`, and its day as the job's slot. */
export function nextRun(
  now: Date,
  timeZone = DEFAULT_TIMEZONE,
): { day: string; at: Date } {
  const p = zonedParts(now, timeZone);
  let at = fromZonedTime(
    { year: p.year, month: p.month, day: p.day, hour: RUN_HOUR },
    timeZone,
  );
  if (at.getTime() <= now.getTime()) {
    const tomorrow = zonedParts(
      new Date(at.getTime() + 36 * 3_600_000),
      timeZone,
    );
    at = fromZonedTime(
      {
        year: tomorrow.year,
        month: tomorrow.month,
        day: tomorrow.day,
        hour: RUN_HOUR,
      },
      timeZone,
    );
  }
  return { day: toZonedIso(at, timeZone).slice(0, 10), at };
}

/**
 * The daily certificate check. Dispatch reads certificate validity itself on every match (a
 * lapsed certificate stops the skill on the day after its expiry whether or not this job ran);
 * this job tells the worker: 30 days ahead (证书即将到期) and once it has lapsed (证书已过期),
 * with the skills that stop. Each notice is keyed by worker, type, expiry and stage, so a retried
 * or doubled run, or a restart, sends it once; a renewal has a new expiry and starts afresh.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const skillsNeeding = (type: string, skills: any[]): string[] =>
    skills
      .filter((s) => s.skill?.requiredCertificate === type)
      .map((s) => s.skill.name as string);

  async function scheduleNext(now: Date = clock.now()): Promise<void> {
    const { day, at } = nextRun(now);
    await runtime().queue.add(
      CERTIFICATE_QUEUE,
      {},
      {
        jobId: `workforce-certificates-${day}`,
        delayMs: Math.max(0, at.getTime() - now.getTime()),
        attempts: 3,
      },
    );
  }

  /** One pass on `now`'s business day; returns the notices sent (repeats excluded). */
  async function run(now: Date = clock.now()): Promise<number> {
    const today = toZonedIso(now).slice(0, 10);
    const horizonMs =
      Date.parse(`${today}T00:00:00Z`) + CERTIFICATE_NOTICE_DAYS * 86_400_000;
    const horizon = new Date(horizonMs).toISOString().slice(0, 10);
    const notifier = strapi.service("api::notify.notifier") as any;
    let sent = 0;
    for (let offset = 0; ; offset += PAGE) {
      const rows = await strapi.db.query(WORKER_UID).findMany({
        where: {
          auditStatus: "approved",
          employment: { $ne: "resigned" },
          certificates: { expiresAt: { $notNull: true, $lte: horizon } },
        },
        select: ["id", "documentId", "realName"],
        populate: {
          user: { select: ["id"] },
          certificates: { select: ["type", "expiresAt"] },
          skills: {
            populate: { skill: { select: ["name", "requiredCertificate"] } },
          },
        },
        orderBy: { id: "asc" },
        offset,
        limit: PAGE,
      });
      for (const row of rows) {
        const userId = row.user?.id;
        if (!userId) continue;
        for (const notice of certificateNotices(
          row.certificates ?? [],
          today,
          CERTIFICATE_NOTICE_DAYS,
        )) {
          const skills = skillsNeeding(notice.type, row.skills ?? []);
          const result = await notifier.send(
            userId,
            CERTIFICATE_NOTICE_CODES[notice.stage],
            {
              certificate: labelOf(notice.type),
              expiresAt: notice.expiresAt,
              days: Math.max(0, notice.daysLeft),
              skills: skills.join("、") || "无",
            },
            {
              worker: row.documentId,
              certificate: notice.type,
              expiresAt: notice.expiresAt,
              stage: notice.stage,
            },
            {
              dedupeKey: `certificate:${row.documentId}:${notice.type}:${notice.expiresAt}:${notice.stage}`,
            },
          );
          if (!result.duplicate && (result.inApp || result.sms)) sent++;
          if (result.errors?.length)
            strapi.log.warn(
              `workforce: certificate notice to user ${userId}: ${result.errors.join("; ")}`,
            );
        }
      }
      if (rows.length < PAGE) return sent;
    }
  }

  return {
    scheduleNext,
    run,

    register(): void {
      runtime().queue.process(CERTIFICATE_QUEUE, async () => {
        try {
          const sent = await run();
          if (sent)
            strapi.log.info(`workforce: ${sent} certificate notice(s) sent`);
        } finally {
          await scheduleNext();
        }
      });
      // Embedded timers die with the process: every boot also checks today (keys stop repeats).
      runtime()
        .queue.add(
          CERTIFICATE_QUEUE,
          {},
          {
            jobId: `workforce-certificates-boot-${toZonedIso(clock.now()).slice(0, 10)}`,
            attempts: 3,
          },
        )
        .catch((err: Error) =>
          strapi.log.warn(
            `workforce: certificate check not queued: ${err.message}`,
          ),
        );
    },
  };
};
