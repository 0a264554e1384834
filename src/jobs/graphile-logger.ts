import { type LogFunctionFactory, Logger } from 'graphile-worker';
import type { Logger as PinoLogger } from 'pino';

/** Blanks the password in any `scheme://user:password@host` (graphile prints its options at debug). */
function redactUrls(message: string): string {
  return message.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:)[^@\s]*@/gi, '$1***@');
}

/**
 * graphile-worker's Logger writing to pino. Only the scope (worker, task, job id) and the message
 * are passed on; graphile's metadata (which holds whole jobs, payloads included) is dropped.
 */
export function graphileLogger(logger: PinoLogger): Logger {
  const factory: LogFunctionFactory = (scope) => {
    const child = logger.child({
      component: 'worker',
      ...(scope.workerId ? { workerId: scope.workerId } : {}),
      ...(scope.taskIdentifier ? { task: scope.taskIdentifier } : {}),
      ...(scope.jobId ? { jobId: scope.jobId } : {}),
    });
    return (level, message) => {
      const text = redactUrls(message);
      switch (level as string) {
        case 'error':
          child.error(text);
          break;
        case 'warning':
          child.warn(text);
          break;
        case 'info':
          child.info(text);
          break;
        default:
          child.debug(text);
      }
    };
  };
  return new Logger(factory);
}
