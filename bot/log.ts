import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { redact } from "./redact";

type Field = string | number | boolean | undefined;

function create(dest: DestinationStream): Logger {
  // No pid or hostname: a log line carries the event and its fields, nothing about the person.
  return pino({ base: undefined, level: process.env.LOG_LEVEL ?? "info", timestamp: pino.stdTimeFunctions.isoTime }, dest);
}

let logger: Logger | undefined;
let captured = false;
/** Lines are gathered up to this many bytes before a write: one system call per line cost more than the answer. */
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 1000;
let unflushed = false;
let stream: ReturnType<typeof pino.destination> | undefined;

/**
 * One JSON line per event (pino, on stderr); every string field passes through redact() first.
 * Message text is never a field: callers log what happened, not what was typed.
 */
export function log(event: string, fields: Record<string, Field> = {}, level: Level = "info"): void {
  if (!captured && process.env.REITTI_QUIET === "1") return;
  if (!logger) {
    const s = pino.destination({ dest: 2, sync: false, minLength: LOG_BUFFER_BYTES });
    // A quiet server's last lines ("listening") still show within a second.
    setInterval(() => {
      if (!unflushed) return;
      unflushed = false;
      s.flush();
    }, LOG_FLUSH_MS).unref();
    stream = s;
    process.once("exit", flushLog);
    logger = create(s);
  }
  if (!logger.isLevelEnabled(level)) return;
  const clean: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) clean[k] = typeof v === "string" ? redact(v) : v;
  logger[level]({ event, ...clean });
  unflushed = true;
}

/** Writes what the buffer holds: before the process exits, so no line is lost. */
export function flushLog(): void {
  try {
    stream?.flushSync();
  } catch {
    // stderr closed or not ready: nothing more can be written
  }
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
