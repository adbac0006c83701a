import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { redact } from "./redact";

type Field = string | number | boolean | undefined;

function create(dest: DestinationStream): Logger {
  // No pid or hostname: a log line carries the event and its fields, nothing about the person.
  return pino({ base: undefined, level: process.env.LOG_LEVEL ?? "info", timestamp: pino.stdTimeFunctions.isoTime }, dest);
}

let logger: Logger | undefined;
let captured = false;

/**
 * One JSON line per event (pino, on stderr); every string field passes through redact() first.
 * Message text is never a field: callers log what happened, not what was typed.
 */
export function log(event: string, fields: Record<string, Field> = {}, level: Level = "info"): void {
  if (!captured && process.env.REITTI_QUIET === "1") return;
  logger ??= create(pino.destination({ dest: 2, sync: true }));
  if (!logger.isLevelEnabled(level)) return;
  const clean: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) clean[k] = typeof v === "string" ? redact(v) : v;
  logger[level]({ event, ...clean });
}

/** Sends the log to `dest` (tests read what would be logged); returns the function that undoes it. */
export function logTo(dest: DestinationStream, level: Level = "info"): () => void {
  const before = logger;
  const beforeCaptured = captured;
  logger = create(dest);
  logger.level = level;
  captured = true;
  return () => {
    logger = before;
    captured = beforeCaptured;
  };
}
