import pino, { type Logger } from 'pino';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'shopfloor' }, redact: ['req.headers.cookie', 'req.headers.authorization', '*.password'] });
}
